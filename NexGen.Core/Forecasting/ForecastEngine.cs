using NexGen.Core.Features;
using NexGen.Core.Forecasting.Evaluation;

namespace NexGen.Core.Forecasting;

/// <summary>
/// Makes a forecast as of a cutoff: backtests the global model on windows before it to collect residuals, fits on
/// all data up to the cutoff, forecasts, and turns the residuals into quantiles (split conformal). Residuals are
/// normalised by the forecast's own size (|forecast| + a tenth of the series scale), so a holiday peak gets a wider
/// interval than a quiet week, and kept per horizon where there are enough of them. The same calibration windows
/// score seasonal naive, the moving average and TSB on every series: a series whose calibration error (MAE) with one
/// of them is clearly lower than with the global model (by <see cref="ForecastEngineOptions.SelectionMargin"/>) is
/// forecast with that baseline, and its rows name it.
/// </summary>
public sealed class ForecastEngine(SalesPanel panel, ForecastEngineOptions options)
{
    const int MinResidualsPerHorizon = 200;

    readonly FeatureSpec _spec = FeatureSpec.For(panel.PeriodDays);

    public ForecastSet Forecast(int cutoff, IProgress<(string Phase, double Fraction)>? progress = null, CancellationToken cancellationToken = default)
    {
        var horizon = options.Horizon;
        var forecaster = new GlobalForecaster(panel, _spec, options.Model);
        var builder = new FeatureBuilder(panel, _spec);
        var steps = options.CalibrationWindows + 1;
        var residuals = Enumerable.Range(0, horizon).Select(_ => new List<double>()).ToArray();
        var global = new List<SeriesForecastEvaluation>();
        var seasonalNaive = new List<SeriesForecastEvaluation>();
        var grain = panel.PeriodDays == 7 ? Baselines.SeriesGrain.Weekly : Baselines.SeriesGrain.Daily;
        var candidates = Candidates(grain);
        var errors = new double[panel.Series.Count, candidates.Count + 1];

        var step = Math.Max(1, horizon / Math.Max(1, options.CalibrationWindows));
        for (var k = 1; k <= options.CalibrationWindows; k++)
        {
            var calibration = cutoff - k * step;
            if (calibration < 1)
                break;
            progress?.Report(($"calibration window {k}/{options.CalibrationWindows}: training", (k - 1.0) / steps));
            var model = forecaster.Fit(calibration, horizon, cancellationToken);
            var predicted = forecaster.Predict(model, calibration, horizon);
            foreach (var series in panel.Series.Where(s => s.First <= calibration))
            {
                var scale = builder.Scale(series.Index, calibration);
                var offset = panel.Offset(series.Index);
                var actual = new double[horizon];
                Array.Fill(actual, double.NaN);
                for (var h = 1; h <= horizon && calibration + h <= cutoff; h++)
                {
                    var t = calibration + h;
                    if (panel.Censored[offset + t])
                        continue;
                    actual[h - 1] = panel.Quantity[offset + t];
                    var point = predicted[series.Index * horizon + h - 1];
                    residuals[h - 1].Add((actual[h - 1] - point) / Normaliser(point, scale));
                }
                var history = panel.History(series.Index, calibration);
                var naiveScale = Accuracy.NaiveScale(history);
                var weight = Accuracy.SalesWeight(history, horizon);
                var date = panel.DateOf(calibration);
                var points = new double[horizon];
                for (var h = 0; h < horizon; h++)
                    points[h] = predicted[series.Index * horizon + h];
                global.Add(new SeriesForecastEvaluation(series.Location, series.Sku, date, actual, points, naiveScale, weight));
                errors[series.Index, 0] += AbsoluteError(actual, points);
                for (var c = 0; c < candidates.Count; c++)
                {
                    var baseline = candidates[c].Forecast(history, horizon);
                    errors[series.Index, c + 1] += AbsoluteError(actual, baseline);
                    if (candidates[c].Name == ModelNames.SeasonalNaive)
                        seasonalNaive.Add(new SeriesForecastEvaluation(series.Location, series.Sku, date, actual, baseline, naiveScale, weight));
                }
            }
        }

        progress?.Report(("training", (steps - 1.0) / steps));
        var final = forecaster.Fit(cutoff, horizon, cancellationToken);
        progress?.Report(("forecasting", (steps - 0.2) / steps));
        var pointForecast = forecaster.Predict(final, cutoff, horizon);
        var models = panel.Series.Select(s => s.First <= cutoff ? ModelNames.Global : "").ToArray();
        if (global.Count > 0)
            SelectPerSeries(cutoff, pointForecast, models, errors, candidates);
        var quantiles = Quantiles(cutoff, pointForecast, residuals, builder);
        var calibrationMetrics = global.Count == 0
            ? new Dictionary<string, AccuracyMetrics>()
            : new Dictionary<string, AccuracyMetrics>
            {
                [ModelNames.Global] = Accuracy.Evaluate(global),
                [ModelNames.SeasonalNaive] = Accuracy.Evaluate(seasonalNaive),
            };
        progress?.Report(("explaining", (steps - 0.1) / steps));
        var explanations = forecaster.Explain(final, cutoff, top: 5);
        return new ForecastSet(panel, cutoff, horizon, pointForecast, options.Levels, quantiles, models, final, calibrationMetrics, explanations);
    }


    sealed record Candidate(string Name, Func<double[], int, double[]> Forecast);

    static IReadOnlyList<Candidate> Candidates(Baselines.SeriesGrain grain) =>
    [
        new(ModelNames.SeasonalNaive, (history, horizon) => Baselines.Baselines.SeasonalNaive(history, horizon, grain)),
        new(ModelNames.MovingAverage, (history, horizon) => Baselines.Baselines.MovingAverage(history, horizon, grain == Baselines.SeriesGrain.Weekly ? 4 : 28)),
        new(ModelNames.Tsb, (history, horizon) => Baselines.Baselines.Tsb(history, horizon)),
    ];

    /// <summary>Replaces the global forecast of series where a baseline was clearly better in calibration.</summary>
    void SelectPerSeries(int cutoff, float[] point, string[] models, double[,] errors, IReadOnlyList<Candidate> candidates)
    {
        var horizon = options.Horizon;
        foreach (var series in panel.Series.Where(s => s.First <= cutoff))
        {
            var best = 0;
            for (var c = 1; c <= candidates.Count; c++)
                if (errors[series.Index, c] < errors[series.Index, best])
                    best = c;
            if (best == 0 || errors[series.Index, best] >= (1 - options.SelectionMargin) * errors[series.Index, 0])
                continue;
            var forecast = candidates[best - 1].Forecast(panel.History(series.Index, cutoff), horizon);
            for (var h = 0; h < horizon; h++)
                point[series.Index * horizon + h] = (float)Math.Max(0, forecast[h]);
            models[series.Index] = candidates[best - 1].Name;
        }
    }

    static double AbsoluteError(double[] actual, double[] forecast)
    {
        double sum = 0;
        for (var h = 0; h < actual.Length; h++)
            if (!double.IsNaN(actual[h]))
                sum += Math.Abs(forecast[h] - actual[h]);
        return sum;
    }

    /// <summary>The residual unit: the forecast's size, floored at a tenth of the series scale.</summary>
    static double Normaliser(double point, double scale) => Math.Abs(point) + 0.1 * scale;

    float[][] Quantiles(int cutoff, float[] point, List<double>[] residuals, FeatureBuilder builder)
    {
        var horizon = options.Horizon;
        var pooled = residuals.SelectMany(r => r).ToList();
        var offsets = options.Levels.Select(level => Enumerable.Range(0, horizon)
            .Select(h => Conformal.Quantile(residuals[h].Count >= MinResidualsPerHorizon ? residuals[h] : pooled, level)).ToArray()).ToArray();
        var result = options.Levels.Select(_ => new float[point.Length]).ToArray();
        foreach (var r in result)
            Array.Fill(r, float.NaN);
        foreach (var series in panel.Series.Where(s => s.First <= cutoff))
        {
            var scale = builder.Scale(series.Index, cutoff);
            for (var h = 0; h < horizon; h++)
            {
                var i = series.Index * horizon + h;
                var unit = Normaliser(point[i], scale);
                for (var l = 0; l < offsets.Length; l++)
                    result[l][i] = (float)Math.Max(0, point[i] + offsets[l][h] * unit);
            }
        }
        return result;
    }
}
