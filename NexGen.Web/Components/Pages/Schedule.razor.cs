using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Jobs;
using NexGen.Core.Store;

namespace NexGen.Web.Components.Pages;

/// <summary>
/// Monitoring of the scheduled refresh: each trigger's cron, next and previous fire, pause / resume, trigger now, and
/// the recent refresh runs with their trigger, duration, status and error. Refreshes itself every few seconds.
/// </summary>
public sealed partial class Schedule : IDisposable
{
    static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(3);

    [Inject] SchedulerMonitor Monitor { get; set; } = default!;
    [Inject] RunStore Runs { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    IReadOnlyList<ScheduleEntry> _entries = [];
    List<RunRecord> _refreshes = [];
    string? _error;
    bool _busy;
    /// <summary>The first read is done (or failed).</summary>
    bool _loaded;
    readonly CancellationTokenSource _disposed = new();

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (RendererInfo.IsInteractive)
            _ = PollAsync();
    }

    async Task PollAsync()
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_disposed.Token))
                await InvokeAsync(async () =>
                {
                    await LoadAsync();
                    StateHasChanged();
                });
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    async Task LoadAsync()
    {
        try
        {
            _entries = await Monitor.EntriesAsync(_disposed.Token);
            _refreshes = (await Runs.RecentAsync(100, _disposed.Token)).Where(r => r.Kind == "refresh").Take(20).ToList();
            _error = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = $"Could not read the schedule: {e.Message}";
        }
        _loaded = true;
    }

    async Task TriggerNowAsync(bool retrain)
    {
        await ActAsync(() => Monitor.TriggerNowAsync(retrain, "manual", _disposed.Token),
            $"{(retrain ? "Retrain" : "Predict")} started; it waits its turn if a forecast is already running.");
    }

    Task PauseAsync(string name, bool pause) =>
        ActAsync(() => Monitor.PauseAsync(name, pause, _disposed.Token), pause ? $"{name} paused." : $"{name} resumed.");

    async Task ActAsync(Func<Task> action, string done)
    {
        _busy = true;
        try
        {
            await action();
            Snackbar.Add(done, Severity.Success);
            await LoadAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Snackbar.Add($"The scheduler refused: {e.Message}", Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    static string Time(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";

    static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    static string Duration(RunRecord run) => run.Finished is { } end
        ? $"{(end - run.Started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
        : "running";

    static Color StatusColor(string status) => status switch
    {
        "succeeded" => Color.Success,
        "failed" => Color.Error,
        "running" => Color.Info,
        _ => Color.Default,
    };

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
