using System.Globalization;
using NexGen.Core.Replenishment;
using NexGen.Core.Replenishment.Simulation;
using NexGen.Core.Store;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace NexGen.Web.Planning;

/// <summary>
/// The replenishment charts: projected stock of one series with its suggested order, reorder point and safety stock
/// (product page), and the policy simulation's fill rate against average inventory, NexGen against naive (Replenishment
/// page). Every chart has a title, axis titles with units and hover values.
/// </summary>
public static class ReplenishmentCharts
{
    /// <summary>Legend names, also what the browser tests look for.</summary>
    public const string WithoutOrderName = "Projected stock, no new order";
    public const string WithOrderName = "With the suggested order";
    public const string SafetyStockName = "Safety stock";
    public const string ReorderPointName = "Reorder point";
    public const string OrderUpToName = "Order-up-to level";
    public const string NexGenName = "NexGen";
    public const string NaiveName = "Naive (4 weeks of the 4-week mean)";

    const string StockColor = "#1E5AA8";
    const string NoOrderColor = "#8a8f98";
    const string SafetyColor = "#E07B00";
    const string ReorderColor = "#C62828";
    const string NaiveColor = "#E07B00";
    const string AxisColor = "rgba(128, 128, 128, 0.25)";
    const string TextColor = "#8a8f98";

    /// <summary>"day" or "week".</summary>
    public static string PeriodName(int periodDays) => periodDays == 7 ? "week" : "day";

    /// <summary>
    /// Stock on hand minus the cumulative forecast (dashed), the same with the suggested order once it arrives (solid),
    /// and the safety stock and reorder point (or order-up-to level) as flat lines across the horizon.
    /// </summary>
    public static IList<ITrace> StockProjection(IReadOnlyList<StockProjectionPoint> points, StoredSuggestion suggestion)
    {
        var dates = points.Select(p => (object)Day(p.Date)).ToList();
        var order = suggestion.OrderQuantity ?? 0;
        var traces = new List<ITrace>
        {
            new Scatter
            {
                Name = WithoutOrderName,
                Mode = ModeFlag.Lines,
                X = dates,
                Y = [.. points.Select(p => (object)Math.Round(p.WithoutOrder, 1))],
                Line = new Line { Color = NoOrderColor, Width = 1.5m, Dash = "dash" },
                HoverTemplate = "no new order %{y:,.0f} units<extra></extra>",
            },
        };
        if (order > 0)
        {
            // The order arrives at once: a vertical step at the first point that includes it.
            var x = new List<object>();
            var y = new List<object>();
            var arrived = false;
            foreach (var p in points)
            {
                if (!arrived && p.WithOrder != p.WithoutOrder)
                {
                    arrived = true;
                    x.Add(Day(p.Date));
                    y.Add(Math.Round(p.WithoutOrder, 1));
                }
                x.Add(Day(p.Date));
                y.Add(Math.Round(p.WithOrder, 1));
            }
            traces.Add(new Scatter
            {
                Name = WithOrderName,
                Mode = ModeFlag.Lines,
                X = x,
                Y = y,
                Line = new Line { Color = StockColor, Width = 2.5m },
                HoverTemplate = $"with the order of {order:N0}: %{{y:,.0f}} units<extra></extra>",
            });
        }
        if (points.Count > 0)
        {
            object[] span = [Day(points[0].Date), Day(points[^1].Date)];
            if (suggestion.SafetyStock is { } safety)
                traces.Add(Level(SafetyStockName, span, safety, SafetyColor, "dot"));
            if (suggestion.ReorderPoint is { } reorder)
                traces.Add(Level(ReorderPointName, span, reorder, ReorderColor, "dashdot"));
            else if (suggestion.OrderUpToLevel is { } upTo)
                traces.Add(Level(OrderUpToName, span, upTo, ReorderColor, "dashdot"));
        }
        return traces;
    }

    /// <summary>The layout of <see cref="StockProjection"/>: dates across, units in stock up.</summary>
    public static Layout StockProjectionLayout(int periodDays, int periods)
    {
        var layout = BaseLayout($"Projected stock over the next {periods} {PeriodName(periodDays)}{(periods == 1 ? "" : "s")} (units)");
        layout.HoverMode = HoverModeEnum.XUnified;
        // A short chart: the legend goes further down, clear of the date axis title.
        layout.Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, X = 0, Y = -0.32m }];
        layout.Margin = new Margin { L = 60, R = 20, T = 45, B = 90 };
        layout.XAxis = [new XAxis
        {
            Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "Date" },
            Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date,
            GridColor = AxisColor,
        }];
        layout.YAxis = [new YAxis
        {
            Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "Units in stock" },
            GridColor = AxisColor,
            ZeroLineColor = TextColor,
            HoverFormat = ",.0f",
        }];
        return layout;
    }

    /// <summary>
    /// Fill rate against average inventory: NexGen's policy at each service-level target as one line (the trade-off it
    /// offers), the naive policy as a single point. Inventory at unit cost when every policy has a value, else in units.
    /// </summary>
    public static IList<ITrace> PolicyTradeOff(PolicySimulationReport report)
    {
        var byValue = UsesValue(report);
        double Inventory(SimulationMetrics m) => Math.Round(byValue ? m.AverageInventoryValue!.Value : m.AverageInventory, 1);
        var unit = byValue ? "" : " units";
        var cover = PeriodName(report.PeriodDays) + "s";
        var nexgen = report.Result.Policies.Where(p => p.ServiceLevel is not null).ToList();
        var naive = report.Result.Policies.Where(p => p.ServiceLevel is null).ToList();
        return
        [
            new Scatter
            {
                Name = NexGenName,
                Mode = ModeFlag.Lines | ModeFlag.Markers | ModeFlag.Text,
                X = [.. nexgen.Select(p => (object)Inventory(p.Metrics))],
                Y = [.. nexgen.Select(p => (object)Math.Round(p.Metrics.FillRate * 100, 2))],
                TextArray = [.. nexgen.Select(p => $"target {Percent(p.ServiceLevel!.Value)}")],
                TextPosition = TextPositionEnum.TopLeft,
                ClipOnAxis = false,
                CustomData = [.. nexgen.Select(p => (object)Math.Round(p.Metrics.Cover, 2))],
                Line = new Line { Color = StockColor, Width = 2.5m },
                Marker = new Marker { Size = 10, Color = StockColor },
                HoverTemplate = $"NexGen, %{{text}}<br>fill rate %{{y:.2f}} %<br>average inventory %{{x:,.0f}}{unit} (%{{customdata:.1f}} {cover} of cover)<extra></extra>",
            },
            new Scatter
            {
                Name = NaiveName,
                Mode = ModeFlag.Markers | ModeFlag.Text,
                X = [.. naive.Select(p => (object)Inventory(p.Metrics))],
                Y = [.. naive.Select(p => (object)Math.Round(p.Metrics.FillRate * 100, 2))],
                TextArray = [.. naive.Select(_ => "naive")],
                TextPosition = TextPositionEnum.BottomRight,
                ClipOnAxis = false,
                CustomData = [.. naive.Select(p => (object)Math.Round(p.Metrics.Cover, 2))],
                Marker = new Marker { Size = 13, Color = NaiveColor, Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Diamond },
                HoverTemplate = $"naive<br>fill rate %{{y:.2f}} %<br>average inventory %{{x:,.0f}}{unit} (%{{customdata:.1f}} {cover} of cover)<extra></extra>",
            },
        ];
    }

    /// <summary>The layout of <see cref="PolicyTradeOff"/>: average inventory across, fill rate up.</summary>
    public static Layout PolicyTradeOffLayout(PolicySimulationReport report)
    {
        var layout = BaseLayout("Fill rate against average inventory: NexGen vs naive");
        layout.HoverMode = HoverModeEnum.Closest;
        layout.XAxis = [new XAxis
        {
            Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title
            {
                Text = UsesValue(report) ? "Average inventory (at unit cost, currency)" : "Average inventory (units, summed over series)",
            },
            GridColor = AxisColor,
            RangeMode = Plotly.Blazor.LayoutLib.XAxisLib.RangeModeEnum.ToZero,
        }];
        layout.YAxis = [new YAxis
        {
            Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "Fill rate (% of demand served from stock)" },
            GridColor = AxisColor,
        }];
        return layout;
    }

    /// <summary>Inventory is shown at unit cost when every policy has a value (the products table has costs).</summary>
    public static bool UsesValue(PolicySimulationReport report) => report.Result.Policies.All(p => p.Metrics.AverageInventoryValue is not null);

    static Scatter Level(string name, object[] span, double value, string color, string dash) => new()
    {
        Name = name,
        Mode = ModeFlag.Lines,
        X = span,
        Y = [Math.Round(value, 1), Math.Round(value, 1)],
        Line = new Line { Color = color, Width = 1.5m, Dash = dash },
        HoverTemplate = $"{name.ToLowerInvariant()} %{{y:,.0f}} units<extra></extra>",
    };

    static Layout BaseLayout(string title) => new()
    {
        Title = new Title { Text = title, X = 0, XAnchor = Plotly.Blazor.LayoutLib.TitleLib.XAnchorEnum.Left, Font = new Plotly.Blazor.LayoutLib.TitleLib.Font { Size = 15 } },
        PaperBgColor = "rgba(0, 0, 0, 0)",
        PlotBgColor = "rgba(0, 0, 0, 0)",
        Font = new Font { Color = TextColor, Family = "Roboto, Helvetica, Arial, sans-serif" },
        Margin = new Margin { L = 70, R = 20, T = 50, B = 50 },
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, X = 0, Y = -0.2m }],
        AutoSize = true,
    };

    static string Percent(double probability) => (probability * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
