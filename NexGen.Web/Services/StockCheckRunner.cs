using NexGen.Core.Replenishment;
using NexGen.Core.Security;
using NexGen.Core.Store;

namespace NexGen.Web.Services;

/// <summary>
/// "Check stock now": one replenishment run at a time through <see cref="ReplenishmentService"/> (it reads the active
/// forecast and the latest inventory, plans every series and records the run), in the background, with its progress
/// shown on every open page. The home page's Top alerts card and the Replenishment page both check stock through it.
/// </summary>
public sealed class StockCheckRunner(ReplenishmentService service, AuditLog audit, ILogger<StockCheckRunner> logger, IHostApplicationLifetime lifetime)
    : BackgroundRunner<ReplenishmentRunRecord>(logger, lifetime)
{
    /// <summary>
    /// Starts a stock check as of the latest inventory snapshot for <paramref name="actor"/> (the run is audited as
    /// <c>replenishment.run</c>, as the API audits it); null when one is already running.
    /// </summary>
    public Task<ReplenishmentRunRecord>? TryStart(string actor) => TryStart(async (progress, cancellationToken) =>
    {
        var (run, _) = await service.RunAsync(progress: new CallbackProgress<ReplenishmentProgress>(p => progress.Report(new JobProgress(p.Phase, p.Fraction))),
            cancellationToken: cancellationToken);
        await audit.TryRecordAsync(logger, actor, "replenishment.run", $"replenishment run {run.Id}", $"as of {run.AsOf:yyyy-MM-dd}");
        return run;
    });
}
