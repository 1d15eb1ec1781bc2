namespace NexGen.Core.Store;

/// <summary>
/// A row of <c>purchase_order_lines</c>: one sku for one location on the purchase order of its supplier and location.
/// Status goes suggested -> approved -> exported.
/// </summary>
/// <param name="Id">Line id, from the <c>purchase_order_line_ids</c> sequence.</param>
/// <param name="RunId">The replenishment run that suggested it.</param>
/// <param name="PoNumber">"PO-{run}-{n}": one number per supplier x location within the run.</param>
/// <param name="Supplier">The product's supplier, or "unassigned" when the products table has none.</param>
/// <param name="Location">The location receiving the goods.</param>
/// <param name="Sku">The sku.</param>
/// <param name="SuggestedQty">Units the run suggested.</param>
/// <param name="Quantity">Units to order: the suggestion, or the quantity a planner approved instead.</param>
/// <param name="PackSize">Units per pack; the quantity is a multiple of it.</param>
/// <param name="UnitCost">Cost of one unit in currency, or null.</param>
/// <param name="Status">suggested, approved or exported.</param>
/// <param name="Created">When the run created the line, UTC.</param>
/// <param name="Approved">When it was approved, UTC.</param>
/// <param name="Exported">When it was exported, UTC.</param>
/// <param name="ExportPath">The file it was exported to.</param>
public sealed record PurchaseOrderLine(
    long Id, long RunId, string PoNumber, string Supplier, string Location, string Sku, int SuggestedQty, int Quantity,
    int PackSize, double? UnitCost, string Status, DateTime Created, DateTime? Approved, DateTime? Exported, string? ExportPath)
{
    /// <summary>Statuses a line can have.</summary>
    public const string StatusSuggested = "suggested", StatusApproved = "approved", StatusExported = "exported";

    /// <summary>Supplier name stored for products without one.</summary>
    public const string Unassigned = "unassigned";
}
