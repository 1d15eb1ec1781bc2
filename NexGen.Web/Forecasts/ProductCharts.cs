using System.Globalization;
using NexGen.Core.Catalog;
using NexGen.Core.Features;
using NexGen.Core.Store;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace NexGen.Web.Forecasts;

/// <summary>
/// The product page's Plotly charts, built from a <see cref="ProductDetail"/>: history against the forecast with its
/// bands, and the feature contributions. Every chart has a title, axis titles with units and hover values.
/// </summary>
public static class ProductCharts
{
    /// <summary>Legend names, also what the browser tests look for.</summary>
    public const string HistoryName = "Units sold";
    public const string ForecastName = "Forecast (orders use it)";
    public const string CentralBandName = "p10–p90 (80 %)";
    public const string UpperBandName = "p90–p95";
    public const string BacktestName = "Backtest forecasts";

    internal const string HistoryColor = "#E07B00";
    internal const string ForecastColor = "#1E5AA8";
    internal const string CentralBandColor = "rgba(30, 90, 168, 0.28)";
    internal const string UpperBandColor = "rgba(30, 90, 168, 0.12)";
    const string BacktestColor = "#7B1FA2";
    const string NeutralColor = "#8a8f98";
    internal const string AxisColor = "rgba(128, 128, 128, 0.25)";
    const string TextColor = "#8a8f98";

    /// <summary>Days of history shown when the chart opens (the user can zoom out): half a year of days, two years of weeks.</summary>
    static int VisibleHistoryDays(ProductDetail detail) => detail.Grain?.Days == 7 ? 728 : 182;

    /// <summary>"day" or "week", for axis titles.</summary>
    public static string PeriodName(ProductDetail detail) => detail.Grain?.Days == 7 ? "week" : "day";

    /// <summary>
    /// History as a line, then the point forecast (the one orders are based on) and its p10-p90 and p90-p95 bands, and the backtest forecasts over
    /// the history (a dashed line from each calibration origin, one legend entry for all). Every forecast trace starts
    /// at the last sale, so the forecast continues the history instead of floating beside it.
    /// </summary>
    public static IList<ITrace> HistoryAndForecast(ProductDetail detail)
    {
        var traces = new List<ITrace>();
        var forecast = detail.Forecast.Where(f => f.P50 is not null).ToList();
        if (forecast.Count > 0)
        {
            var anchor = detail.History.Count > 0 ? detail.History[^1] : null;
            IList<object> Dates() => Prepend(anchor is null ? null : Day(anchor.Date), forecast.Select(f => (object)Day(f.Date)));
            IList<object> Values(Func<ForecastRow, double?> quantile) =>
                Prepend(anchor?.Quantity, forecast.Select(f => (object)(quantile(f) ?? f.Forecast)));

            traces.Add(Band("p10", Dates(), Values(f => f.P10), fill: false, UpperBandColor, showLegend: false));
            traces.Add(Band(CentralBandName, Dates(), Values(f => f.P90), fill: true, CentralBandColor, showLegend: true, hoverName: "p90"));
            traces.Add(Band(UpperBandName, Dates(), Values(f => f.P95), fill: true, UpperBandColor, showLegend: true, hoverName: "p95"));
            traces.Add(new Scatter
            {
                Name = ForecastName,
                Mode = ModeFlag.Lines,
                X = Dates(),
                Y = Values(f => f.Forecast),
                Line = new Line { Color = ForecastColor, Width = 2.5m },
                HoverTemplate = "forecast %{y:,.1f}<extra></extra>",
            });
        }
        if (detail.Backtests.Count > 0)
            traces.Add(Backtests(detail.Backtests));
        traces.Add(new Scatter
        {
            Name = HistoryName,
            Mode = ModeFlag.Lines,
            X = [.. detail.History.Select(h => (object)Day(h.Date))],
            Y = [.. detail.History.Select(h => (object)h.Quantity)],
            Line = new Line { Color = HistoryColor, Width = 1.5m },
            HoverTemplate = "sold %{y:,.0f}<extra></extra>",
        });
        return traces;
    }

    /// <summary>
    /// The backtest forecasts as one dashed trace: a segment per calibration origin (a gap between them), so one legend
    /// entry shows or hides them all; hover names the origin.
    /// </summary>
    static Scatter Backtests(IReadOnlyList<BacktestPoint> points)
    {
        var dates = new List<object>();
        var values = new List<object>();
        var origins = new List<string>();
        foreach (var origin in points.GroupBy(p => p.Origin))
        {
            if (dates.Count > 0)
            {
                dates.Add(null!);
                values.Add(null!);
                origins.Add("");
            }
            foreach (var point in origin)
            {
                dates.Add(Day(point.Date));
                values.Add(point.Forecast);
                origins.Add(Day(origin.Key));
            }
        }
        return new Scatter
        {
            Name = BacktestName,
            Mode = ModeFlag.Lines,
            X = dates,
            Y = values,
            TextArray = origins,
            ConnectGaps = false,
            Line = new Line { Color = BacktestColor, Width = 1.5m, Dash = "dash" },
            HoverTemplate = "backtest from %{text} %{y:,.1f}<extra></extra>",
        };
    }

    /// <summary>The layout of <see cref="HistoryAndForecast"/>: dates across, units per period up, opening on the recent past.</summary>
    public static Layout HistoryLayout(ProductDetail detail)
    {
        var period = PeriodName(detail);
        var last = detail.Forecast.Count > 0 ? detail.Forecast[^1].Date : detail.History.Count > 0 ? detail.History[^1].Date : (DateOnly?)null;
        var lastSale = detail.History.Count > 0 ? detail.History[^1].Date : last;
        var first = detail.History.Count > 0 ? detail.History[0].Date : last;
        var start = lastSale?.AddDays(-VisibleHistoryDays(detail));
        if (start < first)
            start = first;
        var layout = BaseLayout($"Units sold per {period}: history and forecast");
        layout.HoverMode = HoverModeEnum.XUnified;
        layout.XAxis = [new XAxis
        {
            Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "Date" },
            Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date,
            Range = start is null || last is null ? null : [Day(start.Value), Day(last.Value.AddDays(1))],
            GridColor = AxisColor,
        }];
        layout.YAxis = [new YAxis
        {
            Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = $"Units per {period}" },
            RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero,
            GridColor = AxisColor,
            HoverFormat = ",.1f",
        }];
        return layout;
    }

    /// <summary>
    /// How the first forecast period adds up, as a waterfall read top to bottom: the seasonal base, each feature that
    /// moved it (floating bars from the running total; green up, red down), everything else, and the forecast they
    /// sum to. Terms are described in the grain's periods (<see cref="FeatureDescriptions"/>; the model's own name on
    /// hover).
    /// </summary>
    public static IList<ITrace> Contributions(ProductDetail detail)
    {
        var terms = detail.Explanations.OrderBy(e => e.Rank).ToList();
        var periodDays = detail.Grain?.Days ?? 1;
        var starts = new List<double>();
        double total = 0;
        foreach (var term in terms)
        {
            starts.Add(term.Feature == ForecastExplanation.BaseFeature ? 0 : total);
            total = starts[^1] + term.Contribution;
        }
        // Plotly draws the first category at the bottom: reverse, so the waterfall reads from the top.
        var lengths = terms.Select(t => t.Contribution).Append(total).Reverse().ToList();
        var bases = starts.Append(0).Reverse().ToList();
        var names = terms.Select(t => FeatureDescriptions.Describe(t.Feature, periodDays)).Append("Forecast").Reverse().ToList();
        var colors = terms.Select(t => t.Feature == ForecastExplanation.BaseFeature ? NeutralColor : t.Contribution >= 0 ? "#2E7D32" : "#C62828")
            .Append(ForecastColor).Reverse().ToList();
        return
        [
            new Bar
            {
                Name = "Contribution",
                Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
                X = [.. lengths.Select(x => (object)x)],
                BaseArray = [.. bases.Select(x => (object)x)],
                Y = [.. names.Select(n => (object)n)],
                CustomData = [.. terms.Select(t => (object)t.Feature).Append("forecast").Reverse()],
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { ColorArray = [.. colors.Select(c => (object)c)] },
                HoverTemplate = "%{y} (%{customdata}): %{x:+,.2f} units<extra></extra>",
            },
        ];
    }

    public static Layout ContributionsLayout(ProductDetail detail)
    {
        var layout = BaseLayout("How the first forecast period adds up");
        layout.ShowLegend = false;
        layout.Margin = new Margin { L = 20, R = 20, T = 50, B = 50 };
        layout.XAxis = [new XAxis
        {
            Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = $"Units per {PeriodName(detail)}" },
            GridColor = AxisColor,
            ZeroLineColor = TextColor,
        }];
        layout.YAxis = [new YAxis
        {
            Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "Term", Standoff = 12 },
            // The descriptions are long: the margin grows to fit them, the title beside them.
            AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True,
        }];
        return layout;
    }

    /// <summary>Plotly's options: responsive, no logo, no cloud links.</summary>
    public static Config Config() => new() { Responsive = true, DisplayLogo = false, DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.Hover };

    /// <summary>The look every NexGen chart shares: a left-aligned title, transparent background, legend below.</summary>
    internal static Layout BaseLayout(string title) => new()
    {
        Title = new Title { Text = title, X = 0, XAnchor = Plotly.Blazor.LayoutLib.TitleLib.XAnchorEnum.Left, Font = new Plotly.Blazor.LayoutLib.TitleLib.Font { Size = 15 } },
        PaperBgColor = "rgba(0, 0, 0, 0)",
        PlotBgColor = "rgba(0, 0, 0, 0)",
        Font = new Font { Color = TextColor, Family = "Roboto, Helvetica, Arial, sans-serif" },
        Margin = new Margin { L = 60, R = 20, T = 50, B = 50 },
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, X = 0, Y = -0.18m }],
        AutoSize = true,
    };

    internal static Scatter Band(string name, IList<object> dates, IList<object> values, bool fill, string color, bool showLegend, string? hoverName = null) => new()
    {
        Name = name,
        Mode = ModeFlag.Lines,
        X = dates,
        Y = values,
        Fill = fill ? FillEnum.ToNextY : FillEnum.None,
        FillColor = color,
        Line = new Line { Width = 0, Color = color },
        ShowLegend = showLegend,
        HoverTemplate = $"{hoverName ?? name} %{{y:,.1f}}<extra></extra>",
    };

    internal static List<object> Prepend(object? first, IEnumerable<object> rest) => first is null ? [.. rest] : [first, .. rest];

    internal static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
