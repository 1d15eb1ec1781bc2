using NexGen.Core.Features;
using NexGen.Core.Forecasting.Baselines;

namespace NexGen.Core.Replenishment.Simulation;

/// <summary>
/// Replays NexGen's replenishment policy and a naive one over a past window, period by period, on the same demand,
/// starting stock, lead times and order constraints (issue 5, item 7).
/// </summary>
/// <remarks>
/// <para>
/// Each period t of [From, To]: orders due are received at its start, its demand (the panel's
/// <see cref="SalesPanel.Demand"/>: sales, with stock-out periods replaced by their estimate; negatives as 0) is served
/// from stock and the excess is lost (or owed, with <see cref="SimulationOptions.Backorders"/>), and at its end the
/// policies review. NexGen's policy
/// (<see cref="ReplenishmentCalculator.Suggest"/>, empirical safety stock) sees only the latest forecast made at an
/// origin at or before t: the forecaster is refitted at the end of From - 1 and every
/// <see cref="SimulationOptions.RefitInterval"/> periods after, forecasting far enough ahead to cover the refit
/// interval plus L + R. The naive policy orders, every review period R, up to <see cref="SimulationOptions.NaiveCover"/>
/// periods of its trailing mean demand over <see cref="SimulationOptions.NaiveWindow"/> periods.
/// </para>
/// <para>Both start with the same stock (<see cref="SimulationOptions.StartCover"/>) and nothing on order.</para>
/// </remarks>
public static class PolicySimulator
{
    /// <summary>Runs the simulation.</summary>
    /// <param name="panel">Sales; periods of its grain.</param>
    /// <param name="items">Items to simulate; those with fewer than <see cref="SimulationOptions.NaiveWindow"/> periods of history before From are left out.</param>
    /// <param name="source">The forecaster behind NexGen's policy.</param>
    /// <param name="options">Window, refit interval, targets, starting stock and the naive policy's settings.</param>
    /// <param name="progress">Phase and fraction done (0..1); may be null.</param>
    /// <param name="cancellationToken">Stops the simulation between periods and inside forecasts.</param>
    public static SimulationResult Run(SalesPanel panel, IReadOnlyList<SimulatedItem> items, IForecastSource source, SimulationOptions options,
        IProgress<(string Phase, double Fraction)>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(panel, items, options);
        var (from, to, refit) = (options.From, options.To, options.RefitInterval);
        var kept = items.Where(i => panel.Series[i.Series].First <= from - options.NaiveWindow).ToList();
        var levels = options.ServiceLevels.Order().ToArray();
        var horizon = refit + (kept.Count == 0 ? 1 : kept.Max(i => i.LeadTime + i.ReviewPeriod));
        var start = kept.Select(i => Math.Round((options.StartCover ?? i.LeadTime + i.ReviewPeriod) * TrailingMean(panel, i.Series, from - 1, options.NaiveWindow))).ToArray();
        var ledgers = kept.Select((item, k) => Enumerable.Range(0, levels.Length + 1)
            .Select(v => new InventoryLedger(from, to, item.LeadTime, item.ReviewPeriod, v == 0 || item.Policy.IsPeriodic, start[k], options.Backorders)).ToArray()).ToArray();

        var origins = new List<DateOnly>();
        var originCount = (to - from) / refit + 1;
        OriginForecast? forecast = null;
        for (var t = from - 1; t <= to; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (t >= from)
                for (var k = 0; k < kept.Count; k++)
                {
                    var demand = panel.Demand[panel.Offset(kept[k].Series) + t];
                    foreach (var ledger in ledgers[k])
                        ledger.Serve(t, float.IsNaN(demand) ? 0 : Math.Max(0, demand));
                }
            if (t == to)
                break;
            if ((t - from + 1) % refit == 0)
            {
                var index = origins.Count;
                var originProgress = progress is null ? null : new OriginProgress(progress, index, originCount, panel.DateOf(t));
                forecast = source.Forecast(t, horizon, originProgress, cancellationToken);
                origins.Add(panel.DateOf(t));
            }
            for (var k = 0; k < kept.Count; k++)
                Review(panel, kept[k], ledgers[k], forecast!, t, (t - from + 1) % kept[k].ReviewPeriod == 0, levels, options);
        }
        progress?.Report(("scoring", 1));

        var series = new List<SeriesOutcome>();
        for (var k = 0; k < kept.Count; k++)
        {
            var s = panel.Series[kept[k].Series];
            for (var v = 0; v <= levels.Length; v++)
                series.Add(new SeriesOutcome(s.Location, s.Sku, v == 0 ? Naive : NexGen, v == 0 ? null : levels[v - 1], kept[k].LeadTime,
                    ledgers[k][v].Metrics(kept[k].UnitCost)));
        }
        series = series.OrderBy(o => o.Location, StringComparer.Ordinal).ThenBy(o => o.Sku, StringComparer.Ordinal).ToList();
        var policies = Enumerable.Range(0, levels.Length + 1)
            .Select(v => new PolicyOutcome(v == 0 ? Naive : NexGen, v == 0 ? null : levels[v - 1],
                SimulationMetrics.Sum(ledgers.Select((l, k) => l[v].Metrics(kept[k].UnitCost)))))
            .ToList();
        return new SimulationResult(source.Name, panel.DateOf(from), panel.DateOf(to), origins, policies, series, items.Count - kept.Count);
    }

    /// <summary>Name of the naive policy in results.</summary>
    public const string Naive = "naive";

    /// <summary>Name of NexGen's policy in results.</summary>
    public const string NexGen = "NexGen";

    static void Review(SalesPanel panel, SimulatedItem item, InventoryLedger[] ledgers, OriginForecast forecast, int t, bool reviewPeriod,
        double[] levels, SimulationOptions options)
    {
        if (reviewPeriod)
        {
            var naive = ledgers[0];
            naive.Review(t);
            var position = naive.OnHand + naive.OnOrder - naive.Backorders;
            var orderUpTo = options.NaiveCover * TrailingMean(panel, item.Series, t, options.NaiveWindow);
            naive.Order(t, item.Constraints.Apply(orderUpTo - position, position).Final);
        }
        if (item.Policy.IsPeriodic && !reviewPeriod)
            return;

        var protection = item.LeadTime + item.ReviewPeriod;
        var offset = t - forecast.Origin;
        var demand = new double[protection];
        for (var h = 0; h < protection; h++)
        {
            var value = forecast.Point[item.Series * forecast.Horizon + offset + h];
            demand[h] = float.IsNaN(value) ? 0 : Math.Max(0, value);
        }
        var errors = forecast.Errors.Cumulative(item.Series, offset, item.Policy.IsPeriodic ? protection : item.LeadTime);
        // Without any backtest error there is no evidence for a safety stock: the policy orders the forecast alone.
        var safetyStock = new EmpiricalSafetyStock(errors.Count > 0 ? errors : [0.0]);
        for (var v = 1; v < ledgers.Length; v++)
        {
            var ledger = ledgers[v];
            if (item.Policy.IsPeriodic)
                ledger.Review(t);
            var suggestion = ReplenishmentCalculator.Suggest(new SuggestionInput
            {
                OnHand = ledger.OnHand,
                OnOrder = ledger.OnOrder,
                Backorders = ledger.Backorders,
                Forecast = demand,
                LeadTime = item.LeadTime,
                ReviewPeriod = item.ReviewPeriod,
                ServiceLevel = levels[v - 1],
                Policy = item.Policy,
                SafetyStock = safetyStock,
                Constraints = item.Constraints,
            });
            ledger.Order(t, suggestion.OrderQuantity);
        }
    }

    /// <summary>Mean of the last <paramref name="window"/> known periods up to <paramref name="t"/> (stock-outs skipped).</summary>
    static double TrailingMean(SalesPanel panel, int series, int t, int window) =>
        Math.Max(0, Baselines.MovingAverage(panel.History(series, t), 1, window)[0]);

    static void Validate(SalesPanel panel, IReadOnlyList<SimulatedItem> items, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        if (options.From < 1 || options.To < options.From || options.To >= panel.Periods)
            throw new ArgumentOutOfRangeException(nameof(options),
                $"The window must lie inside the sales history, after its first period ({panel.DateOf(1):yyyy-MM-dd} .. {panel.DateOf(panel.Periods - 1):yyyy-MM-dd}).");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RefitInterval);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.NaiveWindow);
        ArgumentOutOfRangeException.ThrowIfNegative(options.NaiveCover);
        if (options.StartCover is { } cover && !(cover >= 0 && double.IsFinite(cover)))
            throw new ArgumentOutOfRangeException(nameof(options), options.StartCover, "Starting cover must be a finite number of periods >= 0.");
        if (options.ServiceLevels.Count == 0)
            throw new ArgumentException("At least one service-level target is needed.", nameof(options));
        foreach (var level in options.ServiceLevels)
            ServiceLevels.Validate(level, nameof(options.ServiceLevels));
        foreach (var item in items)
        {
            if (item.Series < 0 || item.Series >= panel.Series.Count)
                throw new ArgumentOutOfRangeException(nameof(items), item.Series, "Series index outside the panel.");
            if (item.LeadTime < 0 || item.ReviewPeriod < 1)
                throw new ArgumentOutOfRangeException(nameof(items), $"Lead time must be >= 0 and review period >= 1 (series {item.Series}).");
            item.Constraints.Validate();
        }
    }

    /// <summary>Maps one forecast's progress into the whole simulation's.</summary>
    sealed class OriginProgress(IProgress<(string Phase, double Fraction)> inner, int index, int count, DateOnly origin) : IProgress<(string Phase, double Fraction)>
    {
        public void Report((string Phase, double Fraction) value) =>
            inner.Report(($"origin {index + 1}/{count} ({origin:yyyy-MM-dd}): {value.Phase}", (index + value.Fraction) / count));
    }
}
