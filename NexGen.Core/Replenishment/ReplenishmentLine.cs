namespace NexGen.Core.Replenishment;

/// <summary>
/// The outcome of replenishment for one location x sku: its class, its effective parameters with their sources, and
/// the explained suggestion, or the reason there is none. Quantities in units; periods of the forecast's grain.
/// </summary>
public sealed record ReplenishmentLine
{
    /// <summary>The location.</summary>
    public required string Location { get; init; }

    /// <summary>The sku.</summary>
    public required string Sku { get; init; }

    /// <summary>The product's supplier, or null.</summary>
    public string? Supplier { get; init; }

    /// <summary>The product's category, or null.</summary>
    public string? Category { get; init; }

    /// <summary>ABC class by sales value over the last year.</summary>
    public required AbcClass Abc { get; init; }

    /// <summary>XYZ class by the coefficient of variation of sales per period over the last year.</summary>
    public required XyzClass Xyz { get; init; }

    /// <summary>Target cycle service level as a probability.</summary>
    public required double ServiceLevel { get; init; }

    /// <summary>Where the target came from: a parameter source (e.g. "product:SKU1") or "class AX".</summary>
    public required string ServiceLevelSource { get; init; }

    /// <summary>Every effective parameter with its source.</summary>
    public required EffectiveParameters Parameters { get; init; }

    /// <summary>Date of the inventory snapshot used, or null when there is none.</summary>
    public DateOnly? InventoryAsOf { get; init; }

    /// <summary>Units on hand in the snapshot, or null when there is none.</summary>
    public double? OnHand { get; init; }

    /// <summary>Units on order in the snapshot.</summary>
    public double OnOrder { get; init; }

    /// <summary>Units on approved or exported purchase-order lines the snapshot does not include yet.</summary>
    public double OpenPurchaseOrders { get; init; }

    /// <summary>L: lead time in periods (lead time days / days per period).</summary>
    public required double LeadTimePeriods { get; init; }

    /// <summary>R: review period in periods.</summary>
    public required double ReviewPeriods { get; init; }

    /// <summary>Cost of one unit in currency, or null.</summary>
    public double? UnitCost { get; init; }

    /// <summary>The suggestion with every number behind it; null when a data problem stopped it (see <see cref="Reason"/>).</summary>
    public Suggestion? Suggestion { get; init; }

    /// <summary>The suggestion's one-line reason, or why there is no suggestion.</summary>
    public required string Reason { get; init; }

    /// <summary>Units to order; null when there is no suggestion.</summary>
    public int? OrderQuantity => Suggestion?.OrderQuantity;

    /// <summary>Every effective parameter's source, e.g. "lead_time_days=product table; pack_size=default; ...".</summary>
    public string Sources => string.Join("; ",
        $"lead_time_days={Parameters.LeadTimeDays.Source}",
        $"review_period_days={Parameters.ReviewPeriodDays.Source}",
        $"service_level={ServiceLevelSource}",
        $"policy={Parameters.Policy.Source}",
        $"cover_days={Parameters.CoverDays.Source}",
        $"pack_size={Parameters.PackSize.Source}",
        $"min_order_qty={Parameters.MinOrderQuantity.Source}",
        $"max_order_qty={Parameters.MaxOrderQuantity.Source}",
        $"max_stock={Parameters.MaxStock.Source}",
        $"order_cost={Parameters.OrderCost.Source}",
        $"holding_rate={Parameters.HoldingRatePerYear.Source}");
}
