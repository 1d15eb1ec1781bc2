using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Forecasting;
using NexGen.Core.Store;
using NexGen.Web.Extensions;
using NexGen.Web.Forecasts;
using NexGen.Web.Services;

namespace NexGen.Web.Components.Pages;

/// <summary>
/// Forecasts &amp; runs: the Run forecast button with its options, the live progress of whatever run is going (pushed
/// by <see cref="ForecastService.ProgressChanged"/> to every open page) with cancel for the dashboard's runs
/// (<see cref="ForecastRunner"/>), the run history with each forecast's backtest against seasonal naive and its
/// downloads, and the model registry (promote, roll back). Holds view state only: runs, models and files come from
/// Core (<see cref="RunStore"/>, <see cref="ModelRegistry"/>) and the download endpoint.
/// </summary>
public sealed partial class Runs : IDisposable
{
    const int FirstPage = 20;
    const int MorePage = 100;
    static readonly TimeSpan ProgressRenderInterval = TimeSpan.FromMilliseconds(150);
    static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    [Inject] RunStore RunStore { get; set; } = default!;
    [Inject] ModelRegistry Models { get; set; } = default!;
    [Inject] StoreInfoReader StoreInfo { get; set; } = default!;
    [Inject] ForecastService Forecasts { get; set; } = default!;
    [Inject] ForecastRunner Runner { get; set; } = default!;
    [Inject] PageAudit Audit { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;
    [Inject] ILogger<Runs> Logger { get; set; } = default!;

    List<RunSummary> _runs = [];
    List<ModelSummary> _models = [];
    int? _grainDays;
    RunProgress? _progress;
    string? _loadError;
    bool _loaded;
    int _shown = FirstPage;
    bool _modelBusy;
    readonly CancellationTokenSource _disposed = new();
    readonly Stopwatch _sinceRender = Stopwatch.StartNew();
    int _loadVersion;

    // The form: null means "not chosen yet", shown as the default.
    int? _horizonChoice;
    DateTime? _cutoff;
    bool _retrain = true;
    int _windows = 2;

    protected override async Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            Forecasts.ProgressChanged += OnProgressChanged;
            Runner.Changed += OnRunnerChanged;
            _ = PollAsync();
        }
        _progress = Forecasts.Current;
        // The prerendered page shows the layout only: the live circuit reads the store (once, not twice).
        if (RendererInfo.IsInteractive)
            await LoadAsync();
    }

    /// <summary>Reads the runs and the models off the circuit's thread; a newer load wins over a stale one.</summary>
    async Task LoadAsync()
    {
        var version = ++_loadVersion;
        try
        {
            var token = _disposed.Token;
            var (runs, models, grain) = await Task.Run(async () =>
            {
                var recent = await RunStore.RecentAsync(_shown, token);
                var registered = await Models.ListAsync(token);
                var salesGrain = await StoreInfo.GrainAsync(token);
                return (recent.Select(RunSummary.From).ToList(), registered.Select(m => ModelSummary.From(m.Model, m.Active)).ToList(), salesGrain);
            }, token);
            if (version != _loadVersion)
                return;
            (_runs, _models, _grainDays, _loadError, _loaded) = (runs, models, grain?.Days, null, true);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The page is gone.
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Could not read the runs and models");
            if (version == _loadVersion)
                (_loadError, _loaded) = ($"Could not read the runs and models: {e.Message}", true);
        }
    }

    /// <summary>Raised on the run's thread for any user's run: hand it to this circuit, never throw.</summary>
    void OnProgressChanged(RunProgress progress)
    {
        try
        {
            _ = InvokeAsync(() => ShowProgressAsync(progress));
        }
        catch (Exception e)
        {
            Logger.LogDebug(e, "Could not hand run progress to a closing page");
        }
    }

    /// <summary>The dashboard started a run, asked it to stop, or it ended (maybe from another page): show the button's state.</summary>
    void OnRunnerChanged()
    {
        try
        {
            _ = InvokeAsync(() =>
            {
                if (!_disposed.IsCancellationRequested)
                    StateHasChanged();
            });
        }
        catch (Exception e)
        {
            Logger.LogDebug(e, "Could not hand the run's state to a closing page");
        }
    }

    async Task ShowProgressAsync(RunProgress progress)
    {
        if (_disposed.IsCancellationRequested)
            return;
        var ended = progress.Phase == "finished";
        var phaseChanged = _progress?.Phase != progress.Phase || _progress?.RunId != progress.RunId;
        _progress = ended ? null : progress;
        // A run this page does not list yet has started, or one has ended: the history and the models change.
        if (ended || _runs.All(r => r.Id != progress.RunId) || _runs.First(r => r.Id == progress.RunId).Run.Status != "running")
            await LoadAsync();
        else if (!phaseChanged && _sinceRender.Elapsed < ProgressRenderInterval)
            return;
        _sinceRender.Restart();
        if (!_disposed.IsCancellationRequested)
            StateHasChanged();
    }

    /// <summary>Refresh runs (and runs of other processes) report no progress to this app: look again while any is listed as running.</summary>
    async Task PollAsync()
    {
        using var timer = new PeriodicTimer(PollEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_disposed.Token))
                if (_runs.Any(r => r.Run.Status == "running"))
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

    /// <summary>Days per period of the sales (7 weekly, 1 daily), else of the latest forecast run that knows it.</summary>
    int? PeriodDays => _grainDays ?? _runs.Select(r => r.Metrics.PeriodDays).FirstOrDefault(d => d is not null);

    /// <summary>A quarter of weekly data (13 weeks), else four weeks of daily data (28 days).</summary>
    int DefaultHorizon => PeriodDays == 7 ? 13 : 28;

    int Horizon => _horizonChoice ?? DefaultHorizon;

    string HorizonHelp => PeriodDays switch
    {
        7 => "weeks",
        1 => "days",
        { } days => $"periods of {days} days",
        null => "periods of the sales data",
    };

    ModelSummary? ActiveModel => _models.FirstOrDefault(m => m.Active);

    /// <summary>
    /// A run is going (anyone's), or the dashboard's own run is between the press of the button and its end (so the
    /// button does not flicker while that run records itself or wraps up).
    /// </summary>
    bool Running => Forecasts.Current is not null || Runner.IsRunning;

    /// <summary>The run going now was started from the dashboard, so this page can cancel it.</summary>
    bool CanCancel => Runner.CanCancel(_progress?.RunId);

    string CancelTooltip => CanCancel
        ? "Stop this run; it writes nothing"
        : $"Started elsewhere ({CurrentRun?.Run.Trigger ?? "another page"}): cancel it where it was started";

    /// <summary>The run going now, as listed in the history (for its trigger), if listed.</summary>
    RunSummary? CurrentRun => _progress is { } p ? _runs.FirstOrDefault(r => r.Id == p.RunId) : null;

    async Task StartRunAsync()
    {
        if (Horizon is < 1 or > 400)
        {
            Snackbar.Add("The horizon must be 1 to 400 periods.", Severity.Warning);
            return;
        }
        var request = new ForecastRunRequest(Horizon, _cutoff is { } cutoff ? DateOnly.FromDateTime(cutoff) : null, Trigger: "manual",
            CalibrationWindows: Math.Clamp(_windows, 1, 5))
        {
            Retrain = _retrain,
        };
        if (!Runner.TryStart(request, await Audit.ActorAsync(), OnRunEnded))
        {
            Snackbar.Add(Forecasts.Current is { } current
                ? $"A forecast is already running (run #{current.RunId}); wait for it or cancel it."
                : "A forecast is already starting.", Severity.Warning);
            return;
        }
    }

    /// <summary>How the run this page started ended, told on this page if it is still open.</summary>
    void OnRunEnded(RunRecord? run, Exception? error)
    {
        if (_disposed.IsCancellationRequested)
            return;
        _ = InvokeAsync(async () =>
        {
            if (_disposed.IsCancellationRequested)
                return;
            switch (run, error)
            {
                case ({ Status: "succeeded" } done, _):
                    Snackbar.Add($"Forecast run #{done.Id} succeeded.", Severity.Success);
                    break;
                case ({ Status: "cancelled" } cancelled, _):
                    Snackbar.Add($"Forecast run #{cancelled.Id} was cancelled; nothing was written.", Severity.Info);
                    break;
                case ({ } failed, _):
                    Snackbar.Add($"Forecast run #{failed.Id} failed: {failed.Error}", Severity.Error, o => o.RequireInteraction = true);
                    break;
                case (null, RunInProgressException busy):
                    Snackbar.Add($"A forecast is already running (run #{busy.RunId}).", Severity.Warning);
                    break;
                case (null, { } e):
                    Snackbar.Add($"Could not run the forecast: {e.Message}", Severity.Error, o => o.RequireInteraction = true);
                    break;
            }
            await LoadAsync();
            StateHasChanged();
        });
    }

    async Task CancelAsync()
    {
        if (await Runner.CancelAsync(await Audit.ActorAsync()))
            Snackbar.Add($"Cancelling {(_progress is { } p ? $"run #{p.RunId}" : "the run")}…", Severity.Info);
    }

    async Task PromoteAsync(ModelSummary model)
    {
        await ChangeModelAsync(async token =>
        {
            await Models.PromoteAsync(model.Id, "promoted", token);
            await Audit.RecordAsync("model.promote", $"model {model.Id}");
            return $"Model #{model.Id} is now active: the next predict run forecasts with it.";
        });
    }

    async Task RollbackAsync()
    {
        await ChangeModelAsync(async token =>
        {
            var back = await Models.RollbackAsync(token);
            await Audit.RecordAsync("model.rollback", $"model {back.Id}");
            return $"Rolled back: model #{back.Id} is active again.";
        });
    }

    async Task ChangeModelAsync(Func<CancellationToken, Task<string>> change)
    {
        if (_modelBusy)
            return;
        _modelBusy = true;
        try
        {
            var token = _disposed.Token;
            var message = await Task.Run(() => change(token), token);
            Snackbar.Add(message, Severity.Success);
            await LoadAsync();
        }
        catch (Exception e) when (!_disposed.IsCancellationRequested)
        {
            // No earlier model, a model removed meanwhile, the store held by another process: say why.
            Logger.LogWarning(e, "Could not change the active model");
            Snackbar.Add(e is InvalidOperationException or KeyNotFoundException ? e.Message : $"Could not change the active model: {e.Message}",
                Severity.Error);
        }
        catch (OperationCanceledException)
        {
            // The page is gone.
        }
        finally
        {
            _modelBusy = false;
        }
    }

    async Task ShowMoreAsync()
    {
        _shown = MorePage;
        await LoadAsync();
    }

    public void Dispose()
    {
        Forecasts.ProgressChanged -= OnProgressChanged;
        Runner.Changed -= OnRunnerChanged;
        _disposed.Cancel();
    }

    static string DownloadUrl(RunSummary run, string format) => DownloadEndpoints.ForecastsUrl(run.Id, format);

    static string DownloadName(RunSummary run, string format) => DownloadEndpoints.ForecastsFileName(run.Id, format);

    static string Capitalised(string phase) => phase.Length == 0 ? phase : char.ToUpperInvariant(phase[0]) + phase[1..];

    static string Percent(double fraction) => (Math.Clamp(fraction, 0, 1) * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    static Color StatusColor(string status) => status switch
    {
        "succeeded" => Color.Success,
        "failed" => Color.Error,
        "running" => Color.Info,
        _ => Color.Default,
    };
}
