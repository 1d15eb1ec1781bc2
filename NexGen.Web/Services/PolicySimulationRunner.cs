using NexGen.Core.Replenishment.Simulation;

namespace NexGen.Web.Services;

/// <summary>
/// The Replenishment page's policy simulation (<see cref="PolicySimulationService"/>): one at a time, in the
/// background, cancellable, its progress and its latest result shared by every open page until the app restarts.
/// </summary>
public sealed class PolicySimulationRunner(PolicySimulationService service, ILogger<PolicySimulationRunner> logger, IHostApplicationLifetime lifetime)
    : BackgroundRunner<PolicySimulationReport>(logger, lifetime)
{
    /// <summary>Starts a simulation; null when one is already running.</summary>
    public Task<PolicySimulationReport>? TryStart(PolicySimulationRequest request) => TryStart((progress, cancellationToken) =>
        service.RunAsync(request, new CallbackProgress<(string Phase, double Fraction)>(p => progress.Report(new JobProgress(p.Phase, p.Fraction))),
            cancellationToken));
}
