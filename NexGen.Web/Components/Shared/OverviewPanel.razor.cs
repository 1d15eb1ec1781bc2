using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Catalog;
using NexGen.Core.Forecasting;
using NexGen.Web.Forecasts;
using NexGen.Web.Services;
using Plotly.Blazor;

namespace NexGen.Web.Components.Shared;

/// <summary>
/// The overview: KPI cards (sales of the last 4 weeks against the 4 before and last year, the forecast of the next 4
/// weeks, open alerts, the forecast's accuracy), the sales trend with the forecast, sales by category and by location,
/// top sellers and the biggest risers and fallers over a chosen period. It follows the app bar's
/// <see cref="LocationFilter"/>; every figure comes from <see cref="OverviewReader"/>, read off the circuit's thread.
/// </summary>
public sealed partial class OverviewPanel : IDisposable
{
    /// <summary>Rows of each top list.</summary>
    const int Top = 10;

    /// <summary>The period the breakdowns and the top lists open with, in weeks.</summary>
    const int FirstWeeks = 4;
    static readonly int[] PeriodWeeks = [4, 13, 52];
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Inject] OverviewReader Reader { get; set; } = default!;
    [Inject] LocationFilter Filter { get; set; } = default!;
    [Inject] ImportNotifier Imports { get; set; } = default!;
    [Inject] ForecastService Forecasts { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;
    [Inject] ILogger<OverviewPanel> Logger { get; set; } = default!;
    [Inject] PlotlyPreloader Preloader { get; set; } = default!;

    SalesKpis? _sales;
    ForecastKpi? _forecast;
    ForecastRunMetrics _metrics = ForecastRunMetrics.Empty;
    AlertKpi? _alerts;
    SalesTrend? _trend;
    Rankings? _rankings;
    bool _rankingsLoading;
    string? _loadedLocation;
    string? _error;
    int _weeks = FirstWeeks;
    SalesMeasure _measure = SalesMeasure.Units;

    IList<ITrace> _trendTraces = [];
    Plotly.Blazor.Layout _trendLayout = new();
    readonly Config _config = ProductCharts.Config();

    /// <summary>Bumped with new chart data: a Plotly chart draws once, so a new key makes a new chart.</summary>
    int _trendVersion;

    CancellationTokenSource? _load;
    CancellationTokenSource? _rankingLoad;
    readonly CancellationTokenSource _disposed = new();

    /// <summary>What depends on the chosen period and measure.</summary>
    sealed record Rankings(
        IReadOnlyList<SalesBreakdown> ByCategory, IReadOnlyList<SalesBreakdown> ByLocation, IReadOnlyList<SeriesSales> TopSellers, SalesMovers Movers);

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
            return;
        Filter.Changed += ReloadAsync;
        Imports.ImportFinished += OnDataChanged;
        Forecasts.ProgressChanged += OnRunProgress;
        await LoadAsync();
    }

    /// <summary>The charts' library loads while the widgets are read.</summary>
    protected override Task OnAfterRenderAsync(bool firstRender) => firstRender ? Preloader.PreloadAsync() : Task.CompletedTask;

    /// <summary>
    /// Reads every widget for the chosen location; a newer load cancels this one, whose result is then dropped. The
    /// per-series rankings take longest on a large store, so the cards and the trend are read first and show as soon as
    /// they are: read alongside, the rankings would take most of the cores from them (at M5 scale on 2 cores, about
    /// 500 ms for all against 120 ms for the cards and the trend alone).
    /// </summary>
    async Task LoadAsync()
    {
        var token = Restart(ref _load).Token;
        var location = Filter.Location;
        try
        {
            var sales = Task.Run(() => Reader.SalesKpisAsync(location, token), token);
            var forecast = Task.Run(() => Reader.ForecastKpiAsync(location, token), token);
            var alerts = Task.Run(() => Reader.AlertKpiAsync(location, token), token);
            var trend = Task.Run(() => Reader.TrendAsync(location, token), token);
            await Task.WhenAll(sales, forecast, alerts, trend);
            (_sales, _forecast, _alerts, _trend, _error, _loadedLocation) = (sales.Result, forecast.Result, alerts.Result, trend.Result, null, location);
            _metrics = ForecastRunMetrics.Parse(_forecast?.Run.Metrics);
            _trendTraces = OverviewCharts.Trend(_trend);
            _trendLayout = OverviewCharts.TrendLayout(_trend, Scope);
            _trendVersion++;
            StateHasChanged();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // A newer load (or the panel's end) decides what is shown.
        }
        catch (Exception e)
        {
            Fail(e);
        }
        if (!token.IsCancellationRequested)
            await LoadRankingsAsync();
    }

    /// <summary>
    /// Reads what the panel first shows for all locations, so that <see cref="OverviewReader"/> keeps it for the next
    /// visit: the app's warm-up calls it after every data change.
    /// </summary>
    public static Task WarmAsync(OverviewReader reader, CancellationToken cancellationToken) => Task.WhenAll(
        reader.SalesKpisAsync(null, cancellationToken),
        reader.ForecastKpiAsync(null, cancellationToken),
        reader.AlertKpiAsync(null, cancellationToken),
        reader.TrendAsync(null, cancellationToken),
        ReadRankingsAsync(reader, null, FirstWeeks, SalesMeasure.Units, cancellationToken));

    /// <summary>Reads what the location, the period and the measure choose; a newer read cancels this one.</summary>
    async Task LoadRankingsAsync()
    {
        var token = Restart(ref _rankingLoad).Token;
        _rankingsLoading = true;
        try
        {
            (_rankings, _rankingsLoading) = (await ReadRankingsAsync(Reader, Filter.Location, _weeks, _measure, token), false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Superseded.
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    static async Task<Rankings> ReadRankingsAsync(OverviewReader reader, string? location, int weeks, SalesMeasure measure, CancellationToken token)
    {
        var byCategory = Task.Run(() => reader.ByCategoryAsync(location, weeks, measure, token), token);
        var byLocation = Task.Run(() => reader.ByLocationAsync(location, weeks, measure, token), token);
        var top = Task.Run(() => reader.TopSellersAsync(location, weeks, measure, Top, token), token);
        var movers = Task.Run(() => reader.MoversAsync(location, weeks, measure, Top, token), token);
        await Task.WhenAll(byCategory, byLocation, top, movers);
        token.ThrowIfCancellationRequested();
        return new Rankings(byCategory.Result, byLocation.Result, top.Result, movers.Result);
    }

    void Fail(Exception e)
    {
        _rankingsLoading = false;
        Logger.LogError(e, "Could not read the overview");
        _error = $"Could not read the overview: {e.Message}";
        Snackbar.Add(_error, Severity.Error);
    }

    /// <summary>Cancels the load in <paramref name="field"/> and starts a new one tied to the panel's life.</summary>
    CancellationTokenSource Restart(ref CancellationTokenSource? field)
    {
        field?.Cancel();
        field = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        return field;
    }

    /// <summary>Reads everything again: the location changed, or so did the data (anyone's import or forecast run).</summary>
    Task ReloadAsync() => InvokeAsync(async () =>
    {
        if (_disposed.IsCancellationRequested)
            return;
        await LoadAsync();
        StateHasChanged();
    });

    /// <summary>Raised on the importer's or the run's thread: hand the reload to this circuit, never throw there.</summary>
    void OnDataChanged()
    {
        try
        {
            _ = ReloadAsync();
        }
        catch (Exception e)
        {
            Logger.LogDebug(e, "Could not hand a data change to a closing page");
        }
    }

    void OnRunProgress(RunProgress progress)
    {
        if (progress.Phase == "finished")
            OnDataChanged();
    }

    Task OnWeeksChangedAsync(int weeks)
    {
        _weeks = weeks;
        return LoadRankingsAsync();
    }

    Task OnMeasureChangedAsync(SalesMeasure measure)
    {
        _measure = measure;
        return LoadRankingsAsync();
    }

    string State => _error is not null ? "error" : _sales is null ? "loading" : _sales.LastDate is null ? "empty" : "loaded";

    /// <summary>"all locations" or the chosen one, for titles.</summary>
    string Scope => _loadedLocation ?? "all locations";

    string PeriodText => $"last {_weeks} weeks";

    string UncoveredText => $"The sales history is shorter than {2 * _weeks} weeks: nothing to compare the {PeriodText} with.";

    /// <summary>The KPI window's first and last day: 28 days up to the last sales date.</summary>
    string SalesWindow => _sales?.LastDate is { } last ? $"last 4 weeks, {Date(last.AddDays(-27))} – {Date(last)}" : "";

    string ForecastCaption => _forecast switch
    {
        null => "Run a forecast to see it here",
        { From: null } f => $"run #{f.Run.Id} has no forecast here",
        { } f => $"next 4 weeks, {Date(f.From!.Value)} – {Date(f.To!.Value)}",
    };

    string? ForecastValueText => _forecast is { } f ? $"worth {Number(f.Value)} · run #{f.Run.Id}" : null;

    string AlertCaption => _alerts is { } a
        ? $"{Number(a.Critical)} critical · {Number(a.ValueAtRisk)} at risk"
        : "No replenishment run yet: check stock to see alerts here";

    string AccuracyText => _forecast is null ? "–" : _metrics.NexGen?.Wape is { } wape ? Percent(wape) : "not recorded";

    string AccuracyCaption => _forecast is null
        ? "Run a forecast to see it here"
        : $"backtest WAPE of run #{_forecast.Run.Id}; seasonal naive {(_metrics.SeasonalNaive?.Wape is { } naive ? Percent(naive) : "not recorded")}";

    /// <summary>How much lower the forecast's error is than seasonal naive's, for the accuracy card.</summary>
    (string Text, string Class)? AccuracyGain => _metrics.WapeImprovement switch
    {
        null => null,
        >= 0 and var gain => ($"{Percent(gain)} lower error than seasonal naive", "mud-success-text"),
        var loss => ($"{Percent(-loss.Value)} higher error than seasonal naive", "mud-error-text"),
    };

    /// <summary>A comparison line: the change from <paramref name="before"/> to <paramref name="now"/>, and its colour.</summary>
    static (string Text, string Class) Comparison(double? now, double? before, string against) => (now, before) switch
    {
        (null, _) => ($"value unknown {against}", "mud-text-secondary"),
        (_, null) => ($"no sales history {against}", "mud-text-secondary"),
        (_, 0d) => ($"none sold {against}", "mud-text-secondary"),
        ({ } n, { } b) when n > b => ($"▲ {Percent((n - b) / b)} {against}", "mud-success-text"),
        ({ } n, { } b) when n < b => ($"▼ {Percent((b - n) / b)} {against}", "mud-error-text"),
        _ => ($"= {against}", "mud-text-secondary"),
    };

    static string Number(double? value) => value?.ToString("N0", Invariant) ?? "–";

    static string Percent(double ratio) => (ratio * 100).ToString("0.0", Invariant) + " %";

    static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    public void Dispose()
    {
        Filter.Changed -= ReloadAsync;
        Imports.ImportFinished -= OnDataChanged;
        Forecasts.ProgressChanged -= OnRunProgress;
        _disposed.Cancel();
    }
}
