using NexGen.Core.Store;

namespace NexGen.Web.Services;

/// <summary>
/// Fails, once a minute, the runs left running by a process that has ended since the app started (a CLI forecast
/// killed mid-run), as the start-up does for those before it (<see cref="RunStore.MarkInterruptedAsync"/>), so the
/// Runs page does not show them running for ever. Runs of live processes, this one's included, are left alone.
/// </summary>
public sealed class InterruptedRunSweeper(RunStore runs, ILogger<InterruptedRunSweeper> logger) : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await runs.MarkInterruptedAsync(stoppingToken) is > 0 and var count)
                        logger.LogWarning("{Count} run(s) whose process has ended are now failed (interrupted)", count);
                }
                catch (StoreLockedException)
                {
                    // Another process has the store: the next sweep looks again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The app is stopping.
        }
    }
}
