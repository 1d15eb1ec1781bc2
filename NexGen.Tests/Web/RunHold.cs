using NexGen.Core.Forecasting;

namespace NexGen.Tests.Web;

/// <summary>
/// Holds the next forecast run at its first step that <c>at</c> accepts (any step but the end by default) until disposed,
/// so a page can be seen following it. <see cref="ForecastService.ProgressChanged"/> is raised on the run's thread,
/// after the handlers of the pages already open, so those pages have seen the held step when the run stops on it.
/// </summary>
public sealed class RunHold : IDisposable
{
    readonly ForecastService _service;
    readonly Func<RunProgress, bool> _at;
    readonly ManualResetEventSlim _release = new();
    readonly TaskCompletionSource<RunProgress> _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RunHold(ForecastService service, Func<RunProgress, bool>? at = null)
    {
        _service = service;
        _at = at ?? (_ => true);
        _service.ProgressChanged += Hold;
    }

    /// <summary>The step the run is held at.</summary>
    public Task<RunProgress> Held => _held.Task.WaitAsync(TimeSpan.FromSeconds(30));

    void Hold(RunProgress progress)
    {
        if (progress.Phase != "finished" && _at(progress) && _held.TrySetResult(progress))
            _release.Wait(TimeSpan.FromSeconds(60));
    }

    public void Dispose()
    {
        _release.Set();
        _service.ProgressChanged -= Hold;
    }
}
