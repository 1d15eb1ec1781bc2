namespace NexGen.Core.Replenishment.Simulation;

/// <summary>One simulated policy over all items.</summary>
/// <param name="Policy">"naive" or NexGen's policy name, e.g. "NexGen (R, S)".</param>
/// <param name="ServiceLevel">NexGen's cycle service-level target as a probability; null for the naive policy.</param>
/// <param name="Metrics">Totals over all items.</param>
public sealed record PolicyOutcome(string Policy, double? ServiceLevel, SimulationMetrics Metrics);
