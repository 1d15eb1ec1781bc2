namespace NexGen.Core.Replenishment;

/// <summary>
/// Everything <see cref="ReplenishmentCalculator.Suggest"/> needs for one location x sku. Quantities in units, time
/// in periods of the forecast's grain (a lead time of 10 days is 10 periods for daily data, 10 / 7 for weekly).
/// </summary>
public sealed record SuggestionInput
{
    /// <summary>Units on hand now.</summary>
    public required double OnHand { get; init; }

    /// <summary>Units ordered and not yet received (assumed to arrive within the lead time); default 0.</summary>
    public double OnOrder { get; init; }

    /// <summary>Units owed to customers, to be served before new demand; default 0.</summary>
    public double Backorders { get; init; }

    /// <summary>
    /// Forecast demand per future period (the p50 or mean), the next period first, covering at least L + R periods
    /// (rounded up), in units.
    /// </summary>
    public required IReadOnlyList<double> Forecast { get; init; }

    /// <summary>L: lead time in periods, &gt;= 0; may be fractional (the last period then counts pro rata).</summary>
    public required double LeadTime { get; init; }

    /// <summary>R: review period in periods, &gt;= 0; used by the periodic policies. Default 0.</summary>
    public double ReviewPeriod { get; init; }

    /// <summary>Target cycle service level as a probability in (0, 1), e.g. 0.95.</summary>
    public required double ServiceLevel { get; init; }

    /// <summary>The inventory policy.</summary>
    public required ReplenishmentPolicy Policy { get; init; }

    /// <summary>How safety stock is sized; its data must cover the policy's safety-stock horizon.</summary>
    public required SafetyStockMethod SafetyStock { get; init; }

    /// <summary>Pack size, MOQ, maximum order quantity, maximum stock; default none.</summary>
    public OrderConstraints Constraints { get; init; } = OrderConstraints.None;

    /// <summary>
    /// Whether today is a review period of a periodic policy (every R periods); periodic policies order nothing
    /// otherwise. Ignored by continuous review. Default true.
    /// </summary>
    public bool IsReviewPeriod { get; init; } = true;
}
