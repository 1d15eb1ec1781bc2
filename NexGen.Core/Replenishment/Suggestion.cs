namespace NexGen.Core.Replenishment;

/// <summary>
/// One replenishment suggestion with every number behind it. Quantities in units, time in periods of the forecast's
/// grain, service level as a probability.
/// </summary>
public sealed record Suggestion
{
    /// <summary>The policy's short name, e.g. "(R, S)".</summary>
    public required string Policy { get; init; }

    /// <summary>Target cycle service level as a probability.</summary>
    public required double ServiceLevel { get; init; }

    /// <summary>Units on hand.</summary>
    public required double OnHand { get; init; }

    /// <summary>Units on order.</summary>
    public required double OnOrder { get; init; }

    /// <summary>Units backordered.</summary>
    public required double Backorders { get; init; }

    /// <summary>IP = on hand + on order - backorders.</summary>
    public required double InventoryPosition { get; init; }

    /// <summary>L in periods.</summary>
    public required double LeadTime { get; init; }

    /// <summary>R in periods.</summary>
    public required double ReviewPeriod { get; init; }

    /// <summary>D_L: forecast demand over the lead time.</summary>
    public required double DemandOverLeadTime { get; init; }

    /// <summary>D_P: forecast demand over the protection period P = L + R.</summary>
    public required double DemandOverProtectionPeriod { get; init; }

    /// <summary>How safety stock was sized: "empirical", "forecast quantile" or "normal".</summary>
    public required string SafetyStockMethod { get; init; }

    /// <summary>Periods the safety stock protects: L + R for periodic policies, L for continuous review.</summary>
    public required double SafetyStockPeriods { get; init; }

    /// <summary>Safety stock over <see cref="SafetyStockPeriods"/>.</summary>
    public required double SafetyStock { get; init; }

    /// <summary>s = D_L + SS_L for (s, Q) and (s, S); null for the periodic policies.</summary>
    public double? ReorderPoint { get; init; }

    /// <summary>S for (R, S) (D_P + SS_P), (s, S) (s + Q) and days of cover (d * C + SS_P); null for (s, Q).</summary>
    public double? OrderUpToLevel { get; init; }

    /// <summary>Q for (s, Q) and (s, S); null otherwise.</summary>
    public double? LotSize { get; init; }

    /// <summary>The raw need and the quantity after each constraint.</summary>
    public required ConstrainedOrder Order { get; init; }

    /// <summary>The quantity to order, in units (a multiple of the pack size; 0 for no order).</summary>
    public int OrderQuantity => Order.Final;

    /// <summary>
    /// Projected stock at the end of the lead time before the suggested order arrives: IP - D_L (negative means
    /// unmet demand).
    /// </summary>
    public required double ProjectedStockAtLeadTime { get; init; }

    /// <summary>One line a planner can read, e.g. "Order 48 (4 packs of 12): inventory position 27 is below the order-up-to level 65".</summary>
    public required string Reason { get; init; }
}
