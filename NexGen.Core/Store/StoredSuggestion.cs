namespace NexGen.Core.Store;

/// <summary>
/// A row of <c>replenishment_suggestions</c> as the dashboard shows it: one location x sku of a replenishment run with
/// every number behind its suggestion, the product's name, and its purchase-order line when it has an order.
/// Quantities in units; lead time and review period in days and in periods of the forecast's grain; service level as a
/// probability. Numbers of the suggestion are null when a data problem stopped it (see <see cref="Reason"/>).
/// </summary>
public sealed record StoredSuggestion
{
    /// <summary>The replenishment run.</summary>
    public long RunId { get; init; }

    /// <summary>The location.</summary>
    public string Location { get; init; } = "";

    /// <summary>The sku.</summary>
    public string Sku { get; init; } = "";

    /// <summary>The product's name, or null.</summary>
    public string? Name { get; init; }

    /// <summary>The product's supplier, or null.</summary>
    public string? Supplier { get; init; }

    /// <summary>The product's category, or null.</summary>
    public string? Category { get; init; }

    /// <summary>ABC class ("A", "B", "C") by sales value over the last year.</summary>
    public string Abc { get; init; } = "";

    /// <summary>XYZ class ("X", "Y", "Z") by the variability of sales per period.</summary>
    public string Xyz { get; init; } = "";

    /// <summary>Target cycle service level as a probability.</summary>
    public double? ServiceLevel { get; init; }

    /// <summary>Where the target came from, e.g. "class AX" or "product:SKU1".</summary>
    public string ServiceLevelSource { get; init; } = "";

    /// <summary>The policy's short name, e.g. "(R, S)"; null without a suggestion.</summary>
    public string? Policy { get; init; }

    /// <summary>Date of the inventory snapshot used.</summary>
    public DateOnly? InventoryAsOf { get; init; }

    /// <summary>Units on hand in the snapshot.</summary>
    public double? OnHand { get; init; }

    /// <summary>Units on order in the snapshot.</summary>
    public double? OnOrder { get; init; }

    /// <summary>Units on approved or exported purchase-order lines the snapshot does not include yet.</summary>
    public double? OpenPurchaseOrders { get; init; }

    /// <summary>Units backordered.</summary>
    public double? Backorders { get; init; }

    /// <summary>IP = on hand + on order + open purchase orders - backorders.</summary>
    public double? InventoryPosition { get; init; }

    /// <summary>Lead time in days.</summary>
    public int LeadTimeDays { get; init; }

    /// <summary>Review period in days.</summary>
    public int ReviewPeriodDays { get; init; }

    /// <summary>L: lead time in periods.</summary>
    public double LeadTimePeriods { get; init; }

    /// <summary>R: review period in periods.</summary>
    public double ReviewPeriods { get; init; }

    /// <summary>D_L: forecast demand over the lead time.</summary>
    public double? DemandOverLeadTime { get; init; }

    /// <summary>D_P: forecast demand over the protection period P = L + R.</summary>
    public double? DemandOverProtectionPeriod { get; init; }

    /// <summary>How safety stock was sized: "empirical", "forecast quantile" or "normal".</summary>
    public string? SafetyStockMethod { get; init; }

    /// <summary>Periods the safety stock protects.</summary>
    public double? SafetyStockPeriods { get; init; }

    /// <summary>Safety stock in units.</summary>
    public double? SafetyStock { get; init; }

    /// <summary>s: the reorder point of (s, Q) and (s, S).</summary>
    public double? ReorderPoint { get; init; }

    /// <summary>S: the order-up-to level of (R, S), (s, S) and days of cover.</summary>
    public double? OrderUpToLevel { get; init; }

    /// <summary>Q: the lot size of (s, Q) and (s, S).</summary>
    public double? LotSize { get; init; }

    /// <summary>Projected stock at the end of the lead time before the suggested order arrives: IP - D_L.</summary>
    public double? ProjectedStock { get; init; }

    /// <summary>What the policy asked for before any constraint (may be fractional or &lt;= 0).</summary>
    public double? RawNeed { get; init; }

    /// <summary>Units per pack.</summary>
    public int PackSize { get; init; } = 1;

    /// <summary>Minimum order quantity in units (0 = none).</summary>
    public int MinOrderQuantity { get; init; }

    /// <summary>Maximum order quantity in units, or null.</summary>
    public int? MaxOrderQuantity { get; init; }

    /// <summary>Maximum stock in units, or null.</summary>
    public int? MaxStock { get; init; }

    /// <summary>The raw need rounded up to packs.</summary>
    public int? AfterPack { get; init; }

    /// <summary>After raising to the minimum order quantity.</summary>
    public int? AfterMinimum { get; init; }

    /// <summary>After capping at the maximum order quantity.</summary>
    public int? AfterMaximum { get; init; }

    /// <summary>After capping at the maximum stock.</summary>
    public int? AfterMaximumStock { get; init; }

    /// <summary>The suggested order in units (whole packs; 0 = no order); null without a suggestion.</summary>
    public int? OrderQuantity { get; init; }

    /// <summary>Cost of one unit in currency, or null.</summary>
    public double? UnitCost { get; init; }

    /// <summary>Suggested order x unit cost, in currency.</summary>
    public double? OrderValue { get; init; }

    /// <summary>One line a planner can read, or why there is no suggestion.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Each effective parameter's source, e.g. "lead_time_days=product table; pack_size=default; ...".</summary>
    public string Sources { get; init; } = "";

    /// <summary>The purchase-order line of the order, or null when nothing is ordered.</summary>
    public long? LineId { get; init; }

    /// <summary>The purchase order, e.g. "PO-3-002".</summary>
    public string? PoNumber { get; init; }

    /// <summary>Units on the purchase-order line: the suggestion, or what a planner approved instead.</summary>
    public int? LineQuantity { get; init; }

    /// <summary>The line's status: suggested, approved or exported.</summary>
    public string? LineStatus { get; init; }

    /// <summary>Units on the line x unit cost, in currency.</summary>
    public double? LineValue => LineQuantity is { } q && UnitCost is { } c ? q * c : null;
}
