namespace NexGen.Core.Replenishment.Simulation;

/// <summary>A policy simulation: the naive policy first, then NexGen's policy at each target, with per-item detail.</summary>
/// <param name="Forecaster">The forecast source's description.</param>
/// <param name="From">First simulated period's date.</param>
/// <param name="To">Last simulated period's date.</param>
/// <param name="Origins">Forecast origins used (dates of their cutoffs), ascending.</param>
/// <param name="Policies">Totals per policy: naive first, then NexGen by ascending target.</param>
/// <param name="Series">Per item and policy, ordered by location, sku, then policy as in <paramref name="Policies"/>.</param>
/// <param name="SkippedSeries">Series left out: fewer than the naive window of history before From.</param>
public sealed record SimulationResult(
    string Forecaster,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DateOnly> Origins,
    IReadOnlyList<PolicyOutcome> Policies,
    IReadOnlyList<SeriesOutcome> Series,
    int SkippedSeries);
