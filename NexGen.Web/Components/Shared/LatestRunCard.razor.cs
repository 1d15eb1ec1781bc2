using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Forecasting;
using NexGen.Core.Store;
using NexGen.Web.Forecasts;
using NexGen.Web.Services;

namespace NexGen.Web.Components.Shared;

/// <summary>
/// The latest forecast run: its status, what it was asked for, and how the latest succeeded run backtested against
/// seasonal naive; while a run is going, its phase and progress, live. Reads runs through <see cref="RunStore"/> and
/// follows <see cref="ForecastService.ProgressChanged"/>, which is raised on the run's thread. Run forecast goes
/// through <see cref="ForecastRunner"/>, like the Forecasts &amp; runs page, so any open page can cancel the run.
/// </summary>
public sealed partial class LatestRunCard : IDisposable
{
    /// <summary>How far back to look for the latest forecast among runs of every kind.</summary>
    const int RecentRunCount = 20;

    const string CliCommand = "dotnet run --project NexGen.Cli -- forecast --horizon 28";

    [Inject] RunStore Runs { get; set; } = default!;
    [Inject] ForecastService Forecasts { get; set; } = default!;
    [Inject] ForecastRunner Runner { get; set; } = default!;
    [Inject] ILogger<LatestRunCard> Logger { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    [Inject] PageAudit Audit { get; set; } = default!;

    RunRecord? _latest;
    ForecastRunMetrics? _latestMetrics;
    RunRecord? _succeeded;
    ForecastRunMetrics? _succeededMetrics;
    RunProgress? _progress;
    bool _loaded;
    string? _loadError;
    bool _subscribed;
    CancellationTokenSource? _load;
    int _loadVersion;
    readonly CancellationTokenSource _disposed = new();

    /// <summary>The horizon the user typed; until then <see cref="DefaultHorizon"/>.</summary>
    int? _horizonChoice;

    protected override async Task OnInitializedAsync()
    {
        // The prerendered page shows the layout only: the live circuit follows runs and reads the store (once, not twice).
        if (!RendererInfo.IsInteractive)
            return;
        Forecasts.ProgressChanged += OnProgressChanged;
        Runner.Changed += OnRunnerChanged;
        _subscribed = true;
        _progress = Forecasts.Current;
        await LoadAsync();
    }

    /// <summary>Reads the latest forecast run and the latest succeeded one. A newer load cancels a stale one, whose result is then ignored.</summary>
    async Task LoadAsync()
    {
        _load?.Cancel();
        var version = ++_loadVersion;
        using var load = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        _load = load;
        try
        {
            var (latest, succeeded) = await Task.Run(async () =>
            {
                var recent = await Runs.RecentAsync(RecentRunCount, load.Token);
                var latest = recent.FirstOrDefault(r => r.Kind == "forecast");
                var succeeded = latest is { Status: "succeeded" } ? latest : await Runs.LatestSucceededAsync("forecast", load.Token);
                return (latest ?? succeeded, succeeded);
            }, load.Token);
            if (version != _loadVersion)
                return;
            _latest = latest;
            _latestMetrics = latest is null ? null : ForecastRunMetrics.Parse(latest.Metrics ?? latest.Parameters);
            _succeeded = succeeded;
            _succeededMetrics = succeeded is null ? null : ForecastRunMetrics.Parse(succeeded.Metrics);
            (_loaded, _loadError) = (true, null);
        }
        catch (Exception e) when (version != _loadVersion || _disposed.IsCancellationRequested)
        {
            Logger.LogDebug(e, "A stale load of the latest run ended");
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Could not read the latest forecast run");
            _loadError = $"Could not read the forecast runs: {e.Message}";
        }
        finally
        {
            if (_load == load)
                _load = null;
        }
    }

    /// <summary>
    /// A step of a run (any user's): show it, and re-read the runs when a run this card does not show yet has started
    /// or when one has ended, so the card then shows its status and metrics. Raised on the run's thread, so it only
    /// hands the step to this circuit and never throws: a closing page must not fail the run.
    /// </summary>
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

    async Task ShowProgressAsync(RunProgress progress)
    {
        if (_disposed.IsCancellationRequested)
            return;
        var ended = progress.Phase == "finished";
        _progress = ended ? null : progress;
        if (ended || _latest?.Id != progress.RunId)
            await LoadAsync();
        if (!_disposed.IsCancellationRequested)
            StateHasChanged();
    }

    /// <summary>Days per period of the latest runs that know it (7 weekly, 1 daily), else null.</summary>
    int? PeriodDays => _latestMetrics?.PeriodDays ?? _succeededMetrics?.PeriodDays;

    /// <summary>A quarter of a year of weekly data (13 weeks), else four weeks of daily data (28 days).</summary>
    int DefaultHorizon => PeriodDays == 7 ? 13 : 28;

    int Horizon => _horizonChoice ?? DefaultHorizon;

    string HorizonHelp => PeriodDays switch
    {
        7 => "weeks",
        1 => "days",
        { } days => $"periods of {days} days",
        null => "periods of the sales data",
    };

    /// <summary>
    /// A run is going (anyone's), or the dashboard's own run is between the press of the button and its end (so the
    /// button does not flicker while that run records itself or wraps up).
    /// </summary>
    bool Running => Forecasts.Current is not null || Runner.IsRunning;

    /// <summary>
    /// Starts a forecast run in the background (<see cref="ForecastRunner"/>): the run outlives this page, and the
    /// circuit is not held while it goes (the card follows it through <see cref="ForecastService.ProgressChanged"/>).
    /// </summary>
    async Task StartRunAsync()
    {
        var request = new ForecastRunRequest(Math.Clamp(Horizon, 1, 400), Cutoff: null, Trigger: "manual", CalibrationWindows: 2, Model: null);
        if (!Runner.TryStart(request, await Audit.ActorAsync(), OnRunEnded))
            Snackbar.Add(Forecasts.Current is { } current
                ? $"A forecast is already running (run #{current.RunId}); wait for it or cancel it."
                : "A forecast is already starting.", Severity.Warning);
    }

    /// <summary>How the run this card started ended, told here if the page is still open; runs that did not start are told too.</summary>
    void OnRunEnded(RunRecord? run, Exception? error)
    {
        var (message, severity) = (run, error) switch
        {
            ({ Status: "failed" } failed, _) => ($"Forecast run #{failed.Id} failed: {failed.Error}", Severity.Error),
            (null, RunInProgressException busy) => ($"A forecast is already running (run #{busy.RunId}).", Severity.Warning),
            (null, { } e) => ($"Could not run the forecast: {e.Message}", Severity.Error),
            _ => ((string?)null, Severity.Normal),
        };
        Notify(message, severity);
    }

    /// <summary>The dashboard's run started, is being cancelled or ended: the buttons change.</summary>
    void OnRunnerChanged() => Notify(null, Severity.Normal);

    /// <summary>Re-renders this card (and shows a message) from a background thread, unless the page has closed.</summary>
    void Notify(string? message, Severity severity)
    {
        if (_disposed.IsCancellationRequested)
            return;
        try
        {
            _ = InvokeAsync(() =>
            {
                if (_disposed.IsCancellationRequested)
                    return;
                if (message is not null)
                    Snackbar.Add(message, severity);
                StateHasChanged();
            });
        }
        catch (Exception e)
        {
            Logger.LogDebug(e, "Could not tell a closing page about its forecast run");
        }
    }

    async Task CancelAsync() => await Runner.CancelAsync(await Audit.ActorAsync());

    public void Dispose()
    {
        if (_subscribed)
        {
            Forecasts.ProgressChanged -= OnProgressChanged;
            Runner.Changed -= OnRunnerChanged;
        }
        _disposed.Cancel();
    }

    string CardStatus => _loadError is not null ? "error" : !_loaded ? "loading" : _latest?.Status ?? "none";

    static string ErrorText(RunRecord run) => run.Error switch
    {
        "interrupted" => "Interrupted: the app stopped while this run was going.",
        { Length: > 0 } error => error,
        _ => $"The run {run.Status} without a message.",
    };

    static string HorizonText(ForecastRunMetrics metrics) => (metrics.Horizon, metrics.PeriodDays) switch
    {
        (null, _) => "–",
        ({ } h, 7) => $"{Periods(h, "week")} ({Periods(h * 7, "day")})",
        ({ } h, 1) => Periods(h, "day"),
        ({ } h, { } days) => $"{Periods(h, "period")} of {days} days ({Periods(h * days, "day")})",
        ({ } h, null) => Periods(h, "period"),
    };

    static string Periods(int count, string unit) => $"{count.ToString("N0", CultureInfo.InvariantCulture)} {unit}{(count == 1 ? "" : "s")}";

    static string BacktestScope(BacktestAccuracy nexGen) =>
        nexGen is { Series: { } series, Points: { } points }
            ? $"Rolling-origin backtest before the cutoff: {series.ToString("N0", CultureInfo.InvariantCulture)} series, {points.ToString("N0", CultureInfo.InvariantCulture)} scored points. Lower is better; bias near 0 is best."
            : "Rolling-origin backtest before the cutoff. Lower is better; bias near 0 is best.";

    static string ComparisonText(double improvement)
    {
        var amount = Math.Abs(improvement * 100).ToString("0.0", CultureInfo.InvariantCulture);
        return amount == "0.0"
            ? "NexGen is as good as seasonal naive on WAPE"
            : $"NexGen is {amount} % {(improvement > 0 ? "better" : "worse")} than seasonal naive on WAPE";
    }

    sealed record MetricRow(string Key, string Label, string Help, string NexGen, string Naive);

    static IEnumerable<MetricRow> MetricRows(BacktestAccuracy nexGen, BacktestAccuracy naive)
    {
        yield return new("wape", "WAPE", "Sum of absolute errors over sum of sales", Percent(nexGen.Wape), Percent(naive.Wape));
        yield return new("wrmsse", "WRMSSE", "Sales-weighted RMSSE; 1 = as good as a one-step naive forecast", Fixed(nexGen.Wrmsse, "0.000"), Fixed(naive.Wrmsse, "0.000"));
        yield return new("mae", "MAE", "Mean absolute error, in units", Fixed(nexGen.Mae, "N1"), Fixed(naive.Mae, "N1"));
        yield return new("bias", "Bias", "Sum of errors over sum of sales; positive = over-forecast", SignedPercent(nexGen.Bias), SignedPercent(naive.Bias));
    }

    static string Fixed(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";

    static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    static string SignedPercent(double? ratio) => ratio is { } r ? (r * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %" : "–";

    static string ProgressPercent(double fraction) => (Math.Clamp(fraction, 0, 1) * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    static string Capitalised(string phase) => phase.Length == 0 ? phase : char.ToUpperInvariant(phase[0]) + phase[1..];

    static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 0 } => "–",
        { TotalSeconds: < 60 } => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min {span.Seconds} s",
        _ => $"{(int)span.TotalHours} h {span.Minutes} min",
    };

    static Color StatusColor(string status) => status switch
    {
        "succeeded" => Color.Success,
        "failed" => Color.Error,
        "running" => Color.Info,
        _ => Color.Default,
    };
}
