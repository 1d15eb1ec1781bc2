namespace NexGen.Core.Replenishment;

/// <summary>A product's own parameters from the <c>products</c> table; null where the table has no value.</summary>
/// <param name="Sku">The product's sku.</param>
/// <param name="Category">Its category, or null.</param>
/// <param name="PackSize">pack_size: units per pack.</param>
/// <param name="MinOrderQuantity">min_order_qty in units; a fraction is rounded up to whole units.</param>
/// <param name="MaxOrderQuantity">max_order_qty in units; a fraction is rounded down to whole units.</param>
/// <param name="LeadTimeDays">lead_time_days.</param>
public sealed record ProductParameters(
    string Sku,
    string? Category = null,
    int? PackSize = null,
    double? MinOrderQuantity = null,
    double? MaxOrderQuantity = null,
    int? LeadTimeDays = null);
