namespace NexGen.Core.Replenishment;

/// <summary>
/// Days of cover: on a review period order up to d * C + SS_P, with d the mean forecast per period over the
/// protection period P = L + R and C the cover.
/// </summary>
/// <param name="CoverPeriods">C: the cover in periods of the data's grain (days for daily data, weeks for weekly), &gt;= 0.</param>
public sealed record DaysOfCoverPolicy(double CoverPeriods) : ReplenishmentPolicy
{
    /// <inheritdoc />
    public override string Name => "days of cover";

    /// <inheritdoc />
    public override bool IsPeriodic => true;
}
