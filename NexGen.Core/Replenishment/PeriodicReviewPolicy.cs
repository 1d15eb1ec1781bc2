namespace NexGen.Core.Replenishment;

/// <summary>
/// Periodic review, order-up-to (R, S): on a review period order S - IP if positive, with S = D_P + SS_P over the
/// protection period P = L + R.
/// </summary>
public sealed record PeriodicReviewPolicy : ReplenishmentPolicy
{
    /// <inheritdoc />
    public override string Name => "(R, S)";

    /// <inheritdoc />
    public override bool IsPeriodic => true;
}
