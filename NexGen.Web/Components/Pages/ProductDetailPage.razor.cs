using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Catalog;
using NexGen.Core.Forecasting;
using NexGen.Web.Forecasts;
using NexGen.Web.Services;
using Plotly.Blazor;

namespace NexGen.Web.Components.Pages;

/// <summary>
/// One location x SKU: its history against the latest forecast and bands, the model and its backtest error, the
/// features behind the forecast, the product facts, and its replenishment card. Reads the product through
/// <see cref="ProductDetailReader"/> and, alongside it, the card's suggestion through <see cref="ProductReplenishmentReader"/>.
/// </summary>
public sealed partial class ProductDetailPage : IDisposable
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Parameter] public string Location { get; set; } = "";
    [Parameter] public string Sku { get; set; } = "";

    [Inject] ProductDetailReader Reader { get; set; } = default!;
    [Inject] ProductReplenishmentReader Replenishments { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;
    [Inject] ILogger<ProductDetailPage> Logger { get; set; } = default!;
    [Inject] PlotlyPreloader Preloader { get; set; } = default!;

    ProductDetail? _detail;
    ForecastRunMetrics _metrics = ForecastRunMetrics.Empty;
    bool _notFound;
    string? _loadError;
    ProductReplenishment? _replenishment;
    string? _replenishmentError;
    IList<ITrace> _historyTraces = [];
    Plotly.Blazor.Layout _historyLayout = new();
    IList<ITrace> _contributionTraces = [];
    Plotly.Blazor.Layout _contributionLayout = new();
    readonly Config _config = ProductCharts.Config();
    CancellationTokenSource? _load;
    readonly CancellationTokenSource _disposed = new();

    /// <summary>The page's address for a location and SKU, each escaped.</summary>
    public static string Href(string location, string sku) =>
        $"products/{Uri.EscapeDataString(location)}/{Uri.EscapeDataString(sku)}";

    /// <summary>The charts' library loads while the product is read.</summary>
    protected override Task OnAfterRenderAsync(bool firstRender) => firstRender ? Preloader.PreloadAsync() : Task.CompletedTask;

    protected override async Task OnParametersSetAsync()
    {
        // The same page component serves another product when only the route changes: cancel the stale load.
        _load?.Cancel();
        (_detail, _notFound, _loadError, _replenishment, _replenishmentError) = (null, false, null, null, null);
        // The prerendered page reads nothing (and keeps no token source that Dispose would cancel once disposed).
        if (!RendererInfo.IsInteractive)
            return;
        using var load = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        _load = load;
        try
        {
            var (location, sku) = (Location, Sku);
            // Both at once, so the card shows in the same render as the product instead of being read after it.
            var replenishment = Task.Run(() => Replenishments.ReadAsync(location, sku, load.Token), load.Token);
            var detail = await Task.Run(() => Reader.ReadAsync(location, sku, load.Token), load.Token);
            await ShowReplenishmentAsync(replenishment);
            if (load.IsCancellationRequested)
                return;
            _detail = detail;
            _notFound = detail is null;
            if (detail is not null)
            {
                _metrics = ForecastRunMetrics.Parse(detail.Run?.Metrics);
                _historyTraces = ProductCharts.HistoryAndForecast(detail);
                _historyLayout = ProductCharts.HistoryLayout(detail);
                _contributionTraces = ProductCharts.Contributions(detail);
                _contributionLayout = ProductCharts.ContributionsLayout(detail);
            }
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            // A newer product or the page's end decides what is shown.
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Could not read product {Sku} at {Location}", Sku, Location);
            _loadError = $"Could not read SKU {Sku} at {Location}: {e.Message}";
            Snackbar.Add(_loadError, Severity.Error);
        }
        finally
        {
            if (_load == load)
                _load = null;
        }
    }

    /// <summary>The card's suggestion, or why it could not be read: that failure is the card's, not the page's.</summary>
    async Task ShowReplenishmentAsync(Task<ProductReplenishment> read)
    {
        try
        {
            _replenishment = await read;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Could not read the replenishment of {Sku} at {Location}", Sku, Location);
            _replenishmentError = $"Could not read the replenishment suggestion: {e.Message}";
        }
    }

    string State => _loadError is not null ? "error" : _notFound ? "not-found" : _detail is null ? "loading" : "loaded";

    IReadOnlyList<BreadcrumbItem> Breadcrumbs =>
    [
        new("Products", href: "products"),
        new($"{Sku} at {Location}", href: null, disabled: true),
    ];

    /// <summary>The model named by the series' forecast rows (a baseline may stand in for the global model).</summary>
    string ModelLabel => _detail?.Forecast.FirstOrDefault()?.Model switch
    {
        null => "–",
        ModelNames.Global => "NexGen global model (gradient boosting)",
        ModelNames.SeasonalNaive => "seasonal naive (selected for this series)",
        ModelNames.MovingAverage => "moving average (selected for this series)",
        ModelNames.Tsb => "TSB, intermittent demand (selected for this series)",
        { } other => other,
    };

    /// <summary>NexGen's backtest WAPE over all series of the run, beside seasonal naive's on the same windows.</summary>
    string BacktestText
    {
        get
        {
            if (_metrics.NexGen?.Wape is not { } wape)
                return "not recorded";
            var naive = _metrics.SeasonalNaive?.Wape is { } naiveWape ? $", seasonal naive {Percent(naiveWape)}" : "";
            return $"NexGen {Percent(wape)}{naive}";
        }
    }

    /// <summary>The series' own backtest WAPE beside seasonal naive's, with the periods scored and the run.</summary>
    string SeriesBacktestText
    {
        get
        {
            if (_detail is null || _detail.Backtests.Count == 0)
                return "no backtest recorded";
            var (model, naive, periods) = _detail.BacktestWape;
            if (model is null || naive is null)
                return $"no sales in the {periods} backtest periods";
            return $"NexGen {Percent(model.Value)}, seasonal naive {Percent(naive.Value)} ({periods} periods, run #{_detail.BacktestRunId})";
        }
    }

    /// <summary>Units forecast for the first 28 days of the run.</summary>
    double NextFourWeeks => _detail is { Forecast: { Count: > 0 } forecast }
        ? forecast.Where(f => f.Date < forecast[0].Date.AddDays(28)).Sum(f => f.Forecast)
        : 0;

    static string Percent(double ratio) => (ratio * 100).ToString("0.0", Invariant) + " %";

    static string Units(double value) => value.ToString("#,0.#", Invariant);

    static string Optional(double? value, string unit) => value is { } v ? Units(v) + unit : "unknown";

    public void Dispose()
    {
        _load?.Cancel();
        _disposed.Cancel();
    }
}
