namespace NexGen.Core.Replenishment;

/// <summary>
/// Min/max (s, S): when IP &lt;= s order S - IP, with s = D_L + SS_L (the same reorder point as (s, Q)) and
/// S = s + Q, so an order placed exactly at s is one lot.
/// </summary>
/// <param name="LotSize">Q = S - s: fixed or the EOQ.</param>
public sealed record MinMaxPolicy(LotSize LotSize) : ReplenishmentPolicy
{
    /// <inheritdoc />
    public override string Name => "(s, S)";

    /// <inheritdoc />
    public override bool IsPeriodic => false;
}
