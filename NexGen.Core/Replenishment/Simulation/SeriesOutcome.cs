namespace NexGen.Core.Replenishment.Simulation;

/// <summary>One simulated policy on one location x sku.</summary>
/// <param name="Location">The location.</param>
/// <param name="Sku">The sku.</param>
/// <param name="Policy">As in <see cref="PolicyOutcome.Policy"/>.</param>
/// <param name="ServiceLevel">NexGen's target as a probability; null for the naive policy.</param>
/// <param name="LeadTime">L in periods.</param>
/// <param name="Metrics">This item's metrics.</param>
public sealed record SeriesOutcome(string Location, string Sku, string Policy, double? ServiceLevel, int LeadTime, SimulationMetrics Metrics);
