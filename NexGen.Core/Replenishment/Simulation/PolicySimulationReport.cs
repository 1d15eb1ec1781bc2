namespace NexGen.Core.Replenishment.Simulation;

/// <summary>A finished <see cref="PolicySimulationService"/> run.</summary>
/// <param name="Result">Totals per policy (naive first, then NexGen by target) and per series.</param>
/// <param name="PeriodDays">Days per period of the sales grain (1 or 7): the unit of cover and lead times.</param>
/// <param name="SimulatedSeries">Series simulated (those with 4 weeks of history before the window).</param>
/// <param name="Policy">NexGen's policy as configured (periodic, continuous, minmax or cover).</param>
/// <param name="Seconds">Time taken, loading included, in seconds.</param>
/// <param name="Finished">When it finished, UTC.</param>
public sealed record PolicySimulationReport(SimulationResult Result, int PeriodDays, int SimulatedSeries, string Policy, double Seconds, DateTime Finished);
