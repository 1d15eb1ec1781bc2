namespace NexGen.Core.Store;

/// <summary>Which purchase-order lines of a run an action applies to; null matches any value. Compared exactly.</summary>
/// <param name="Supplier">The supplier ("unassigned" for products without one).</param>
/// <param name="Location">The location.</param>
/// <param name="Sku">The sku.</param>
/// <param name="PoNumber">The purchase order, e.g. "PO-3-002".</param>
public sealed record PurchaseOrderFilter(string? Supplier = null, string? Location = null, string? Sku = null, string? PoNumber = null)
{
    /// <summary>All lines.</summary>
    public static PurchaseOrderFilter All { get; } = new();

    internal string Sql => string.Concat(
        Supplier is null ? "" : " AND supplier = $Supplier",
        Location is null ? "" : " AND location = $Location",
        Sku is null ? "" : " AND sku = $Sku",
        PoNumber is null ? "" : " AND po_number = $PoNumber");
}
