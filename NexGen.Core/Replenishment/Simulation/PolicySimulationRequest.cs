namespace NexGen.Core.Replenishment.Simulation;

/// <summary>A policy simulation over the most recent sales, as the dashboard runs it.</summary>
/// <param name="WindowDays">Days simulated, ending at the last sales date (rounded to whole periods). Default 91 (13 weeks).</param>
/// <param name="ServiceLevels">NexGen's cycle service-level targets as probabilities; default 0.90, 0.95, 0.98, 0.99.</param>
/// <param name="RefitDays">Days between forecast origins. Default 28.</param>
public sealed record PolicySimulationRequest(int WindowDays = 91, IReadOnlyList<double>? ServiceLevels = null, int RefitDays = 28)
{
    /// <summary>The targets simulated when none are given.</summary>
    public static IReadOnlyList<double> DefaultServiceLevels { get; } = [0.90, 0.95, 0.98, 0.99];
}
