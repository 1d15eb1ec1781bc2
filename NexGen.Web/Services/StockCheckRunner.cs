using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Web.Services;

/// <summary>
/// "Check stock now": one replenishment run at a time through <see cref="ReplenishmentService"/> (it reads the active
/// forecast and the latest inventory, plans every series and records the run), in the background, with its progress
/// shown on every open page.
/// </summary>
public sealed class StockCheckRunner(ReplenishmentService service, ILogger<StockCheckRunner> logger, IHostApplicationLifetime lifetime)
    : BackgroundRunner<ReplenishmentRunRecord>(logger, lifetime)
{
    /// <summary>Starts a stock check as of the latest inventory snapshot; null when one is already running.</summary>
    public Task<ReplenishmentRunRecord>? TryStart() => TryStart(async (progress, cancellationToken) =>
    {
        var (run, _) = await service.RunAsync(progress: new CallbackProgress<ReplenishmentProgress>(p => progress.Report(new JobProgress(p.Phase, p.Fraction))),
            cancellationToken: cancellationToken);
        return run;
    });
}
