namespace NexGen.Core.Catalog;

/// <summary>What the products and inventory tables know of one location x SKU; any of it may be unknown (null).</summary>
/// <param name="UnitCost">Cost of one unit, in currency.</param>
/// <param name="UnitPrice">Selling price of one unit, in currency.</param>
/// <param name="PackSize">Units per pack; orders are whole packs.</param>
/// <param name="MinOrderQuantity">Minimum order quantity, in units.</param>
/// <param name="MaxOrderQuantity">Maximum order quantity, in units.</param>
/// <param name="LeadTimeDays">Supplier lead time, in days.</param>
/// <param name="OnHand">Units on hand at <paramref name="InventoryAsOf"/>, the latest inventory date of the series.</param>
/// <param name="OnOrder">Units on order at that date.</param>
public sealed record ProductFacts(
    string Location,
    string Sku,
    string? Name,
    string? Category,
    double? UnitCost,
    double? UnitPrice,
    int? PackSize,
    double? MinOrderQuantity,
    double? MaxOrderQuantity,
    int? LeadTimeDays,
    string? Supplier,
    double? OnHand,
    double? OnOrder,
    DateOnly? InventoryAsOf);
