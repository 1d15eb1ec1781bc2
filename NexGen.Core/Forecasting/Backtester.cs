using NexGen.Core.Features;
using NexGen.Core.Forecasting.Baselines;
using NexGen.Core.Forecasting.Evaluation;

namespace NexGen.Core.Forecasting;

/// <summary>
/// Rolling-origin backtest: for each cutoff, fit on data at or before it, forecast the next periods, score against
/// what happened. Never a random split. Every model is scored on the same series, cutoffs and horizons.
/// </summary>
public sealed class Backtester(SalesPanel panel, FeatureSpec spec, GlobalModelOptions options)
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
        var forecaster = new GlobalForecaster(panel, spec, options);
        var evaluations = new Dictionary<string, List<SeriesForecastEvaluation>>();
        var grain = panel.PeriodDays == 7 ? SeriesGrain.Weekly : SeriesGrain.Daily;
        var window = panel.PeriodDays == 7 ? 4 : 28;

        for (var k = 0; k < cutoffs.Count; k++)
        {
            var cutoff = cutoffs[k];
            progress?.Report(($"window {k + 1}/{cutoffs.Count}: training", (double)k / cutoffs.Count));
            var model = forecaster.Fit(cutoff, horizon, cancellationToken);
            progress?.Report(($"window {k + 1}/{cutoffs.Count}: forecasting", (k + 0.8) / cutoffs.Count));
            var global = forecaster.Predict(model, cutoff, horizon);
            foreach (var series in panel.Series.Where(s => s.First <= cutoff))
            {
                var history = History(series, cutoff);
                var actual = Actual(series, cutoff, horizon);
                var scale = Accuracy.NaiveScale(history);
                var weight = Accuracy.SalesWeight(history, horizon);
                void Add(string model, double[] forecast) =>
                    (evaluations.TryGetValue(model, out var list) ? list : evaluations[model] = [])
                        .Add(new SeriesForecastEvaluation(series.Location, series.Sku, panel.DateOf(cutoff), actual, forecast, scale, weight));
                Add(ModelNames.Global, global.AsSpan(series.Index * horizon, horizon).ToArray().Select(v => (double)v).ToArray());
                Add(ModelNames.SeasonalNaive, Baselines.Baselines.SeasonalNaive(history, horizon, grain));
                Add(ModelNames.MovingAverage, Baselines.Baselines.MovingAverage(history, horizon, window));
            }
        }
        progress?.Report(("scoring", 1));
        return new BacktestResult(
            cutoffs.Select(panel.DateOf).ToList(), horizon,
            evaluations.ToDictionary(p => p.Key, p => Accuracy.Evaluate(p.Value)),
            evaluations.ToDictionary(p => p.Key, p => (IReadOnlyList<SeriesForecastEvaluation>)p.Value));
    }

    /// <summary>Recorded sales from the series' first sale to the cutoff; stock-out periods are unknown (NaN).</summary>
    double[] History(PanelSeries series, int cutoff)
    {
        var offset = panel.Offset(series.Index);
        var history = new double[cutoff - series.First + 1];
        for (var t = series.First; t <= cutoff; t++)
            history[t - series.First] = panel.Censored[offset + t] ? double.NaN : panel.Quantity[offset + t];
        return history;
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
