namespace NexGen.Web.Services;

/// <summary>
/// One piece of long work at a time for the whole app, run on the thread pool (never on a circuit's thread) so that it
/// outlives the page that started it, with its progress, outcome and latest result visible to every page: a run
/// started by one user is seen by another. Pages subscribe to <see cref="Changed"/>, marshal to their circuit with
/// <c>InvokeAsync</c>, and unsubscribe when disposed. State shared by design, not per user.
/// </summary>
/// <typeparam name="TResult">What a successful run produces.</typeparam>
public abstract class BackgroundRunner<TResult>(ILogger logger, IHostApplicationLifetime lifetime) where TResult : class
{
    /// <summary>Progress notifications closer together than this are dropped (start and end always go out).</summary>
    static readonly TimeSpan NotifyInterval = TimeSpan.FromMilliseconds(150);

    readonly Lock _gate = new();
    CancellationTokenSource? _cancel;
    DateTime _lastNotified;

    /// <summary>Progress of the run in progress; null when none runs.</summary>
    public JobProgress? Current { get; private set; }

    /// <summary>Whether a run is in progress.</summary>
    public bool IsRunning => Current is not null;

    /// <summary>Whether the run in progress was asked to stop.</summary>
    public bool IsCancelling { get; private set; }

    /// <summary>The result of the latest successful run (since the app started), or null.</summary>
    public TResult? Latest { get; private set; }

    /// <summary>Why the latest run failed or stopped; null when it succeeded or while one runs.</summary>
    public string? LastError { get; private set; }

    /// <summary>Raised from the work's thread when a run starts, progresses or ends. Handlers must not throw.</summary>
    public event Action? Changed;

    /// <summary>
    /// Starts <paramref name="work"/> unless a run is in progress. The returned task ends with the run: its result, or
    /// the exception that stopped it (<see cref="OperationCanceledException"/> when cancelled); awaiting it is optional.
    /// </summary>
    /// <returns>The run, or null when one is already in progress.</returns>
    protected Task<TResult>? TryStart(Func<IProgress<JobProgress>, CancellationToken, Task<TResult>> work)
    {
        CancellationTokenSource cancel;
        lock (_gate)
        {
            if (Current is not null)
                return null;
            cancel = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
            _cancel = cancel;
            Current = new JobProgress("starting", 0);
            IsCancelling = false;
            LastError = null;
        }
        Notify(force: true);
        return Task.Run(async () =>
        {
            try
            {
                var result = await work(new ReportingProgress(this), cancel.Token);
                Latest = result;
                return result;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                LastError = "Cancelled: nothing was recorded.";
                throw;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "{Runner} failed", GetType().Name);
                LastError = e.Message;
                throw;
            }
            finally
            {
                lock (_gate)
                {
                    Current = null;
                    IsCancelling = false;
                    _cancel = null;
                }
                cancel.Dispose();
                Notify(force: true);
            }
        });
    }

    /// <summary>Asks the run in progress to stop; false when none runs.</summary>
    public bool Cancel()
    {
        lock (_gate)
        {
            if (_cancel is null)
                return false;
            IsCancelling = true;
            _cancel.Cancel();
        }
        Notify(force: true);
        return true;
    }

    void Notify(bool force)
    {
        var now = DateTime.UtcNow;
        if (!force && now - _lastNotified < NotifyInterval)
            return;
        _lastNotified = now;
        try
        {
            Changed?.Invoke();
        }
        catch (Exception e)
        {
            // A page's handler must not stop the work.
            logger.LogWarning(e, "A {Runner} subscriber failed", GetType().Name);
        }
    }

    sealed class ReportingProgress(BackgroundRunner<TResult> runner) : IProgress<JobProgress>
    {
        public void Report(JobProgress value)
        {
            bool phaseChanged;
            lock (runner._gate)
            {
                if (runner.Current is null)
                    return;
                phaseChanged = runner.Current.Phase != value.Phase;
                runner.Current = value;
            }
            runner.Notify(force: phaseChanged);
        }
    }
}
