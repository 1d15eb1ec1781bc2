using NexGen.Core.Features;
using NexGen.Core.Forecasting.Baselines;
using NexGen.Core.Forecasting.Evaluation;

namespace NexGen.Core.Forecasting;

/// <summary>
/// Rolling-origin backtest: for each cutoff, fit on data at or before it, forecast the next periods, score against
/// what happened. Never a random split. Every model is scored on the same series, cutoffs and horizons.
/// </summary>
public sealed class Backtester(SalesPanel panel, ForecastEngineOptions options)
{
    public IReadOnlyList<int> Cutoffs(BacktestOptions backtest)
    {
        var step = backtest.Step ?? backtest.Horizon;
        var last = backtest.Cutoff is { } date ? panel.PeriodOf(date) : panel.Periods - 1 - backtest.Horizon;
        if (last < 1 || last >= panel.Periods)
            throw new ArgumentOutOfRangeException(nameof(backtest), $"The cutoff must lie inside the sales history ({panel.DateOf(0):yyyy-MM-dd} .. {panel.DateOf(panel.Periods - 1):yyyy-MM-dd}).");
        return Enumerable.Range(0, backtest.Windows).Select(k => last - (backtest.Windows - 1 - k) * step).Where(c => c >= 1).ToList();
    }

    public BacktestResult Run(BacktestOptions backtest, IProgress<(string Phase, double Fraction)>? progress = null, CancellationToken cancellationToken = default)
    {
        var cutoffs = Cutoffs(backtest);
        var horizon = backtest.Horizon;
        var engine = new ForecastEngine(panel, options with { Horizon = horizon });
        var evaluations = new Dictionary<string, List<SeriesForecastEvaluation>>();
        var grain = panel.PeriodDays == 7 ? SeriesGrain.Weekly : SeriesGrain.Daily;
        var window = panel.PeriodDays == 7 ? 4 : 28;
        var levels = options.Levels;
        var coverage = new CoverageCounter(levels);
        var totalCoverage = new CoverageCounter(levels);
        var quantileForecasts = new Dictionary<string, List<(double[], double[][], double, double)>>
        {
            [ModelNames.NexGen] = [],
            [ModelNames.SeasonalNaiveQuantiles] = [],
        };

        for (var k = 0; k < cutoffs.Count; k++)
        {
            var cutoff = cutoffs[k];
            var windowProgress = new Progress<(string Phase, double Fraction)>(p =>
                progress?.Report(($"window {k + 1}/{cutoffs.Count}: {p.Phase}", (k + p.Fraction) / cutoffs.Count)));
            var forecast = engine.Forecast(cutoff, progress is null ? null : new SynchronousProgress(windowProgress), cancellationToken);
            var totalActual = new double[horizon];
            var totalForecast = new double[horizon];
            foreach (var series in panel.Series.Where(s => s.First <= cutoff))
            {
                var history = panel.History(series.Index, cutoff);
                var actual = Actual(series, cutoff, horizon);
                var scale = Accuracy.NaiveScale(history);
                var weight = Accuracy.SalesWeight(history, horizon);
                void Add(string model, double[] values) =>
                    (evaluations.TryGetValue(model, out var list) ? list : evaluations[model] = [])
                        .Add(new SeriesForecastEvaluation(series.Location, series.Sku, panel.DateOf(cutoff), actual, values, scale, weight));
                var at = series.Index * horizon;
                Add(ModelNames.NexGen, ToDouble(forecast.Point.AsSpan(at, horizon)));
                Add(ModelNames.SeasonalNaive, Baselines.Baselines.SeasonalNaive(history, horizon, grain));
                Add(ModelNames.MovingAverage, Baselines.Baselines.MovingAverage(history, horizon, window));
                Add(ModelNames.Naive, Baselines.Baselines.Naive(history, horizon));
                Add(ModelNames.SeasonalProfile, Baselines.Baselines.SeasonalProfile(history, horizon, grain));
                Add(ModelNames.Tsb, Baselines.Baselines.Tsb(history, horizon));
                var quantiles = forecast.Quantiles.Select(q => ToDouble(q.AsSpan(at, horizon))).ToArray();
                coverage.Add(actual, quantiles);
                var naiveMae = Accuracy.NaiveMae(history);
                quantileForecasts[ModelNames.NexGen].Add((actual, quantiles, naiveMae, weight));
                quantileForecasts[ModelNames.SeasonalNaiveQuantiles].Add((actual, Baselines.Baselines.SeasonalNaiveQuantiles(history, horizon, grain, levels), naiveMae, weight));
                for (var h = 0; h < horizon; h++)
                    if (!double.IsNaN(actual[h]))
                    {
                        totalActual[h] += actual[h];
                        totalForecast[h] += forecast.Point[at + h];
                    }
            }
            var total = forecast.AggregateIntervals.Where(i => i.Location is null).ToDictionary(i => i.Level);
            if (levels.All(total.ContainsKey))
                totalCoverage.Add(totalActual, levels.Select(l => totalForecast.Select(f => total[l].Apply(f)).ToArray()).ToArray());
        }
        progress?.Report(("scoring", 1));
        return new BacktestResult(
            cutoffs.Select(panel.DateOf).ToList(), horizon,
            evaluations.ToDictionary(p => p.Key, p => Accuracy.Evaluate(p.Value)),
            evaluations.ToDictionary(p => p.Key, p => (IReadOnlyList<SeriesForecastEvaluation>)p.Value),
            coverage.Result(),
            totalCoverage.Result(),
            quantileForecasts.ToDictionary(q => q.Key, q => IntervalScore.Of(levels, q.Value)));
    }

    static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
            result[i] = values[i];
        return result;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder).</summary>
    sealed class SynchronousProgress(IProgress<(string, double)> inner) : IProgress<(string, double)>
    {
        public void Report((string, double) value) => inner.Report(value);
    }


    /// <summary>What sold after the cutoff; NaN past the data and in stock-out periods (not scored).</summary>
    double[] Actual(PanelSeries series, int cutoff, int horizon)
    {
        var offset = panel.Offset(series.Index);
        var actual = new double[horizon];
        for (var h = 1; h <= horizon; h++)
        {
            var t = cutoff + h;
            actual[h - 1] = t >= panel.Periods || panel.Censored[offset + t] ? double.NaN : panel.Quantity[offset + t];
        }
        return actual;
    }
}
