using NexGen.Core.Forecasting;
using NexGen.Core.Security;
using NexGen.Core.Store;

namespace NexGen.Web.Services;

/// <summary>
/// Starts forecast runs for the dashboard's pages in the background (never on a circuit's thread) and keeps their
/// cancellation for the whole app, so that any open page, not only the one that pressed the button, can cancel a run
/// the dashboard started. Runs still go through the one <see cref="ForecastService"/>, which allows one at a time and
/// tells every page its progress (<see cref="ForecastService.ProgressChanged"/>). Runs started by the scheduler, the
/// API or the CLI have their own cancellation and are not cancelled from here. Every run started here is audited
/// (<c>run.start</c>) with the user who pressed the button.
/// </summary>
public sealed class ForecastRunner(ForecastService forecasts, AuditLog audit, ILogger<ForecastRunner> logger)
{
    readonly Lock _sync = new();
    CancellationTokenSource? _cancel;
    long? _runId;

    /// <summary>
    /// Raised (on a background thread) when the dashboard starts a run, asks it to stop, or it ends, so every open page
    /// can show the button's state before the run's first step and after its last. Handlers must not throw.
    /// </summary>
    public event Action? Changed;

    /// <summary>Whether a run the dashboard started is going (from the press of the button to the run's end).</summary>
    public bool IsRunning
    {
        get { lock (_sync) return _cancel is not null; }
    }

    /// <summary>Whether a cancellation of the dashboard's run was asked for and the run has not ended yet.</summary>
    public bool IsCancelling
    {
        get { lock (_sync) return _cancel?.IsCancellationRequested == true; }
    }

    /// <summary>
    /// Whether the run with <paramref name="runId"/> can be cancelled from the dashboard: it is the run the dashboard
    /// started (also while it has not reported its id yet, when <paramref name="runId"/> is null).
    /// </summary>
    public bool CanCancel(long? runId)
    {
        lock (_sync)
            return _cancel is not null && (_runId is null || runId is null || _runId == runId);
    }

    /// <summary>
    /// Starts <paramref name="request"/> for <paramref name="actor"/> (as <see cref="Security.Actors.Of"/> names the
    /// user) in the background and returns at once: false when a run is already going (any run:
    /// <see cref="ForecastService.Current"/>, or one the dashboard has started that has not reported yet).
    /// <paramref name="ended"/> hears how it ended: the run's record (succeeded, failed or cancelled), or the error that
    /// kept it from being recorded; it is called on a background thread and must not throw.
    /// </summary>
    public bool TryStart(ForecastRunRequest request, string actor, Action<RunRecord?, Exception?>? ended = null)
    {
        var cancel = new CancellationTokenSource();
        lock (_sync)
        {
            if (_cancel is not null || forecasts.Current is not null)
            {
                cancel.Dispose();
                return false;
            }
            _cancel = cancel;
            _runId = null;
        }
        forecasts.ProgressChanged += OnProgressChanged;
        _ = Task.Run(() => RunAsync(request, actor, cancel, ended));
        RaiseChanged();
        return true;
    }

    /// <summary>
    /// Asks the dashboard's run to stop for <paramref name="actor"/> (audited as <c>run.cancel</c>); false when no
    /// dashboard run is going. The run ends as cancelled at its next check.
    /// </summary>
    public async Task<bool> CancelAsync(string actor)
    {
        long? runId;
        lock (_sync)
        {
            if (_cancel is null)
                return false;
            _cancel.Cancel();
            runId = _runId;
        }
        RaiseChanged();
        await audit.TryRecordAsync(logger, actor, "run.cancel", runId is { } id ? $"run {id}" : "run (starting)");
        return true;
    }

    async Task RunAsync(ForecastRunRequest request, string actor, CancellationTokenSource cancel, Action<RunRecord?, Exception?>? ended)
    {
        RunRecord? run = null;
        Exception? error = null;
        try
        {
            var started = await forecasts.StartAsync(request, cancel.Token);
            lock (_sync)
                _runId = started.Id;
            RaiseChanged();
            await audit.TryRecordAsync(logger, actor, "run.start", $"run {started.Id}",
                $"forecast, horizon {request.Horizon}, {(request.Retrain ? "retrain" : "predict")}");
            run = await started.Completion;
            logger.LogInformation("Forecast run #{RunId} started from the dashboard ended {Status}", run.Id, run.Status);
        }
        catch (Exception e)
        {
            // Another run won the race (RunInProgressException), the store is held by another process, ...
            logger.LogWarning(e, "A forecast run started from the dashboard could not run");
            error = e;
        }
        finally
        {
            forecasts.ProgressChanged -= OnProgressChanged;
            lock (_sync)
            {
                _cancel = null;
                _runId = null;
            }
            cancel.Dispose();
        }
        RaiseChanged();
        try
        {
            ended?.Invoke(run, error);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "The page that started a forecast run could not hear how it ended");
        }
    }

    void RaiseChanged()
    {
        try
        {
            Changed?.Invoke();
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "A page could not hear that the dashboard's run changed");
        }
    }

    /// <summary>
    /// While the dashboard's run holds <see cref="ForecastService"/>, every step is its own (one run at a time), so
    /// the first step names its id.
    /// </summary>
    void OnProgressChanged(RunProgress progress)
    {
        lock (_sync)
            if (_cancel is not null && _runId is null && progress.Phase != "finished")
                _runId = progress.RunId;
    }
}
