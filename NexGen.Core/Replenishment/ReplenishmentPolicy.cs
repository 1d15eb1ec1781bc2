namespace NexGen.Core.Replenishment;

/// <summary>
/// An inventory policy (DOMAIN.md "Inventory"): <see cref="PeriodicReviewPolicy"/> (R, S),
/// <see cref="ContinuousReviewPolicy"/> (s, Q), <see cref="MinMaxPolicy"/> (s, S) or <see cref="DaysOfCoverPolicy"/>.
/// </summary>
public abstract record ReplenishmentPolicy
{
    /// <summary>The policy's short name for explanations and exports, e.g. "(R, S)".</summary>
    public abstract string Name { get; }

    /// <summary>
    /// True when the policy orders only on review periods and protects L + R periods; false for continuous review,
    /// which watches inventory every period and protects the lead time L only.
    /// </summary>
    public abstract bool IsPeriodic { get; }
}
