namespace NexGen.Core.Replenishment.Simulation;

/// <summary>What a policy simulation replays. Periods are indices of the panel (its grain: days or weeks).</summary>
public sealed record SimulationOptions
{
    /// <summary>First simulated period; the first review is at the end of the period before it.</summary>
    public required int From { get; init; }

    /// <summary>Last simulated period, inclusive.</summary>
    public required int To { get; init; }

    /// <summary>
    /// Periods between forecast origins, &gt;= 1: the forecaster is refitted at the end of period From - 1, then every
    /// this many periods, and each review uses the latest forecast made at or before it. Default 4.
    /// </summary>
    public int RefitInterval { get; init; } = 4;

    /// <summary>Cycle service-level targets of NexGen's policy, as probabilities; one simulated variant per target.</summary>
    public required IReadOnlyList<double> ServiceLevels { get; init; }

    /// <summary>
    /// Synthetic starting stock: on hand at the start = this many periods of the trailing mean demand (over
    /// <see cref="NaiveWindow"/>), rounded to whole units; null (the default) = each item's L + R periods, what it needs
    /// until its first order can arrive plus one review period. No order is open at the start.
    /// </summary>
    public double? StartCover { get; init; }

    /// <summary>
    /// False (the default): demand that finds no stock is lost, as in a shop. True: it is backordered and served from
    /// the next receipts, the assumption behind the safety-stock formulas (DOMAIN.md), under which the cycle service
    /// level should match its target; lost sales raise it, because lost demand never draws stock down.
    /// </summary>
    public bool Backorders { get; init; }

    /// <summary>The naive policy orders up to this many periods of its trailing mean demand (4 weeks).</summary>
    public required int NaiveCover { get; init; }

    /// <summary>Periods the naive policy's trailing mean demand averages over (4 weeks).</summary>
    public required int NaiveWindow { get; init; }
}
