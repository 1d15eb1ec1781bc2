namespace NexGen.Core.Replenishment;

/// <summary>
/// Continuous review (s, Q): when IP &lt;= s order the smallest n * Q with IP + n * Q &gt; s, with reorder point
/// s = D_L + SS_L over the lead time L.
/// </summary>
/// <param name="LotSize">Q: fixed or the EOQ.</param>
public sealed record ContinuousReviewPolicy(LotSize LotSize) : ReplenishmentPolicy
{
    /// <inheritdoc />
    public override string Name => "(s, Q)";

    /// <inheritdoc />
    public override bool IsPeriodic => false;
}
