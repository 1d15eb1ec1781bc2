using NexGen.Core.Catalog;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace NexGen.Web.Forecasts;

/// <summary>
/// The overview's Plotly chart: total sales per period with the forecast continuing them, with a title, axis titles
/// with units and hover values, looking like <see cref="ProductCharts"/> (sales by category and location are
/// <see cref="Components.Shared.BreakdownBars"/>).
/// </summary>
public static class OverviewCharts
{
    /// <summary>"day" or "week", for titles.</summary>
    public static string PeriodName(SalesTrend trend) => trend.Grain?.Days == 7 ? "week" : "day";

    /// <summary>
    /// The forecast's p10-p90 band (the aggregate's own interval, when the run has one) and its line (the sum of the
    /// series' point forecasts, which orders are based on), then the history. The forecast traces start at the last
    /// period sold, so the forecast continues the history. Legend names are <see cref="ProductCharts"/>'s.
    /// </summary>
    public static IList<ITrace> Trend(SalesTrend trend)
    {
        var traces = new List<ITrace>();
        if (trend.Forecast.Count > 0)
        {
            var anchor = trend.History.Count > 0 ? trend.History[^1] : null;
            List<object> Dates() => ProductCharts.Prepend(anchor is null ? null : ProductCharts.Day(anchor.Date),
                trend.Forecast.Select(f => (object)ProductCharts.Day(f.Date)));
            List<object> Values(Func<ForecastTotal, double?> value) =>
                ProductCharts.Prepend(anchor?.Quantity, trend.Forecast.Select(f => (object)(value(f) ?? f.Forecast)));

            if (trend.Forecast.Any(f => f.P10 is not null))
            {
                traces.Add(ProductCharts.Band("p10", Dates(), Values(f => f.P10), fill: false, ProductCharts.CentralBandColor, showLegend: false));
                traces.Add(ProductCharts.Band(ProductCharts.CentralBandName, Dates(), Values(f => f.P90), fill: true,
                    ProductCharts.CentralBandColor, showLegend: true, hoverName: "p90"));
            }
            traces.Add(Line(ProductCharts.ForecastName, Dates(), Values(f => f.Forecast), ProductCharts.ForecastColor, 2.5m, "forecast %{y:,.0f} units"));
        }
        traces.Add(Line(ProductCharts.HistoryName, [.. trend.History.Select(h => (object)ProductCharts.Day(h.Date))],
            [.. trend.History.Select(h => (object)h.Quantity)], ProductCharts.HistoryColor, 1.5m, "sold %{y:,.0f} units"));
        return traces;
    }

    /// <summary>Dates across, units per period up; it opens on the last two years of weeks or half a year of days, and the forecast.</summary>
    public static Layout TrendLayout(SalesTrend trend, string scope)
    {
        var period = PeriodName(trend);
        var layout = ProductCharts.BaseLayout($"Units sold per {period}, {scope}: history and forecast");
        layout.HoverMode = HoverModeEnum.XUnified;
        var last = trend.Forecast.Count > 0 ? trend.Forecast[^1].Date : trend.History.Count > 0 ? trend.History[^1].Date : (DateOnly?)null;
        var first = trend.History.Count > 0 ? trend.History[0].Date : last;
        var start = trend.History.Count > 0 ? trend.History[^1].Date.AddDays(trend.Grain?.Days == 7 ? -728 : -182) : last;
        if (start < first)
            start = first;
        layout.XAxis = [new XAxis
        {
            Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "Date" },
            Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date,
            Range = start is null || last is null ? null : [ProductCharts.Day(start.Value), ProductCharts.Day(last.Value.AddDays(1))],
            GridColor = ProductCharts.AxisColor,
        }];
        layout.YAxis = [new YAxis
        {
            Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = $"Units per {period}" },
            RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero,
            GridColor = ProductCharts.AxisColor,
            HoverFormat = ",.0f",
        }];
        return layout;
    }

    /// <summary>The measure with its unit, for axis titles.</summary>
    public static string MeasureTitle(SalesMeasure measure) =>
        measure == SalesMeasure.Units ? "Units sold" : "Sales value (currency)";

    static Scatter Line(string name, IList<object> dates, IList<object> values, string color, decimal width, string hover) => new()
    {
        Name = name,
        Mode = ModeFlag.Lines,
        X = dates,
        Y = values,
        Line = new Line { Color = color, Width = width },
        HoverTemplate = hover + "<extra></extra>",
    };
}
