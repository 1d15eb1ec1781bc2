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
/// forecast with that baseline, and its rows name it. With <see cref="ModelKind.Auto"/> both losses (squared error and
/// Tweedie) are backtested on the calibration windows and the one with the lower WRMSSE is trained on all data.
/// </summary>
public sealed class ForecastEngine(SalesPanel panel, ForecastEngineOptions options)
{
    const int MinResidualsPerHorizon = 200;

    readonly FeatureSpec _spec = FeatureSpec.For(panel);

    public ForecastSet Forecast(int cutoff, IProgress<(string Phase, double Fraction)>? progress = null, CancellationToken cancellationToken = default)
    {
        var horizon = options.Horizon;
        var builder = new FeatureBuilder(panel, _spec);
        var kinds = options.Model.Kind == ModelKind.Auto ? new[] { ModelKind.FastTree, ModelKind.FastTreeTweedie } : [options.Model.Kind];
        var calibrations = kinds.Select(kind => new Calibration(kind, horizon, panel.Series.Count)).ToArray();
        var steps = options.CalibrationWindows * kinds.Length + 1;
        var seasonalNaive = new List<SeriesForecastEvaluation>();
        var grain = panel.PeriodDays == 7 ? Baselines.SeriesGrain.Weekly : Baselines.SeriesGrain.Daily;
        var candidates = Candidates(grain);
        var baselineErrors = new double[panel.Series.Count, candidates.Count];

        var step = Math.Max(1, horizon / Math.Max(1, options.CalibrationWindows));
        var done = 0;
        for (var k = 1; k <= options.CalibrationWindows; k++)
        {
            var calibration = cutoff - k * step;
            if (calibration < 1)
                break;
            var actuals = new double[panel.Series.Count][];
            foreach (var series in panel.Series.Where(s => s.First <= calibration))
            {
                actuals[series.Index] = Actuals(series.Index, calibration, cutoff);
                var history = panel.History(series.Index, calibration);
                for (var c = 0; c < candidates.Count; c++)
                {
                    var baseline = candidates[c].Forecast(history, horizon);
                    baselineErrors[series.Index, c] += AbsoluteError(actuals[series.Index], baseline);
                    if (candidates[c].Name == ModelNames.SeasonalNaive)
                        seasonalNaive.Add(Evaluation(series, calibration, actuals[series.Index], baseline, history));
                }
            }
            foreach (var calibrated in calibrations)
            {
                progress?.Report(($"calibration window {k}/{options.CalibrationWindows}: training {calibrated.Kind}", (double)done++ / steps));
                var forecaster = new GlobalForecaster(panel, _spec, options.Model with { Kind = calibrated.Kind });
                var predicted = forecaster.Predict(forecaster.Fit(calibration, horizon, cancellationToken), calibration, horizon);
                foreach (var series in panel.Series.Where(s => s.First <= calibration))
                    calibrated.Add(series, calibration, actuals[series.Index], predicted.AsSpan(series.Index * horizon, horizon),
                        builder.Scale(series.Index, calibration), panel.History(series.Index, calibration), this);
            }
        }

        // Squared error or Tweedie: whichever backtested better (WRMSSE) on the calibration windows.
        var chosen = calibrations.OrderBy(c => c.Global.Count == 0 ? 0 : Score(Accuracy.Evaluate(c.Global).Wrmsse)).First();
        progress?.Report(($"training {chosen.Kind}", (steps - 1.0) / steps));
        var final = new GlobalForecaster(panel, _spec, options.Model with { Kind = chosen.Kind });
        var trained = final.Fit(cutoff, horizon, cancellationToken);
        progress?.Report(("forecasting", (steps - 0.2) / steps));
        var pointForecast = final.Predict(trained, cutoff, horizon);
        var models = panel.Series.Select(s => s.First <= cutoff ? ModelNames.Global : "").ToArray();
        if (chosen.Global.Count > 0)
            SelectPerSeries(cutoff, pointForecast, models, chosen.Errors, baselineErrors, candidates);
        var scales = panel.Series.Select(s => s.First <= cutoff ? builder.Scale(s.Index, cutoff) : float.NaN).ToArray();
        var offsets = Offsets(chosen.Residuals);
        var quantiles = Quantiles(panel, cutoff, horizon, pointForecast, offsets, scales);
        var calibrationMetrics = chosen.Global.Count == 0
            ? new Dictionary<string, AccuracyMetrics>()
            : new Dictionary<string, AccuracyMetrics>
            {
                [ModelNames.Global] = Accuracy.Evaluate(chosen.Global),
                [ModelNames.SeasonalNaive] = Accuracy.Evaluate(seasonalNaive),
            };
        foreach (var other in calibrations.Where(c => c != chosen && c.Global.Count > 0))
            calibrationMetrics[$"{ModelNames.Global}_{other.Kind.ToString().ToLowerInvariant()}"] = Accuracy.Evaluate(other.Global);
        progress?.Report(("explaining", (steps - 0.1) / steps));
        var explanations = final.Explain(trained, cutoff, top: 5);
        return new ForecastSet(panel, cutoff, horizon, pointForecast, options.Levels, quantiles, models, trained, calibrationMetrics, explanations, chosen.Kind,
            scales, ErrorProfile.FromErrors(chosen.Cumulative), offsets)
        {
            Backtests = chosen.Global,
            NaiveBacktests = seasonalNaive,
        };
    }

    static double Score(double wrmsse) => double.IsFinite(wrmsse) ? wrmsse : double.MaxValue;

    /// <summary>What happened after a calibration cutoff, up to the forecast cutoff (NaN later, and in stock-outs).</summary>
    double[] Actuals(int series, int calibration, int cutoff)
    {
        var offset = panel.Offset(series);
        var actual = new double[options.Horizon];
        Array.Fill(actual, double.NaN);
        for (var h = 1; h <= options.Horizon && calibration + h <= cutoff; h++)
            if (!panel.Censored[offset + calibration + h])
                actual[h - 1] = panel.Quantity[offset + calibration + h];
        return actual;
    }

    SeriesForecastEvaluation Evaluation(PanelSeries series, int calibration, double[] actual, double[] forecast, double[] history) =>
        new(series.Location, series.Sku, panel.DateOf(calibration), actual, forecast, Accuracy.NaiveScale(history), Accuracy.SalesWeight(history, options.Horizon));

    /// <summary>
    /// One model kind's calibration: normalised residuals per horizon, normalised cumulative errors per number of
    /// periods (<see cref="ErrorProfile"/>), evaluations and each series' error.
    /// </summary>
    sealed class Calibration(ModelKind kind, int horizon, int series)
    {
        public ModelKind Kind => kind;
        public List<double>[] Residuals { get; } = Enumerable.Range(0, horizon).Select(_ => new List<double>()).ToArray();
        public List<(double Scale, double Error)>[] Cumulative { get; } = Enumerable.Range(0, horizon).Select(_ => new List<(double, double)>()).ToArray();
        public List<SeriesForecastEvaluation> Global { get; } = [];
        public double[] Errors { get; } = new double[series];

        public void Add(PanelSeries s, int calibration, double[] actual, ReadOnlySpan<float> predicted, float scale, double[] history, ForecastEngine engine)
        {
            var points = new double[horizon];
            for (var h = 0; h < horizon; h++)
            {
                points[h] = predicted[h];
                if (!double.IsNaN(actual[h]))
                    Residuals[h].Add((actual[h] - points[h]) / ErrorProfile.Normaliser(points[h], scale, 1));
            }
            double error = 0, demand = 0;
            for (var h = 0; h < horizon && !double.IsNaN(actual[h]); h++)
            {
                error += actual[h] - points[h];
                demand += points[h];
                Cumulative[h].Add((scale, error / ErrorProfile.Normaliser(demand, scale, h + 1)));
            }
            Global.Add(engine.Evaluation(s, calibration, actual, points, history));
            Errors[s.Index] += AbsoluteError(actual, points);
        }
    }

    /// <summary>A baseline that per-series selection may pick: its name (as in forecast rows) and forecast.</summary>
    internal sealed record Candidate(string Name, Func<double[], int, double[]> Forecast);

    internal static IReadOnlyList<Candidate> Candidates(Baselines.SeriesGrain grain) =>
    [
        new(ModelNames.SeasonalNaive, (history, horizon) => Baselines.Baselines.SeasonalNaive(history, horizon, grain)),
        new(ModelNames.MovingAverage, (history, horizon) => Baselines.Baselines.MovingAverage(history, horizon, grain == Baselines.SeriesGrain.Weekly ? 4 : 28)),
        new(ModelNames.Tsb, (history, horizon) => Baselines.Baselines.Tsb(history, horizon)),
    ];

    /// <summary>Replaces the global forecast of series where a baseline was clearly better in calibration.</summary>
    void SelectPerSeries(int cutoff, float[] point, string[] models, double[] globalErrors, double[,] baselineErrors, IReadOnlyList<Candidate> candidates)
    {
        var horizon = options.Horizon;
        foreach (var series in panel.Series.Where(s => s.First <= cutoff))
        {
            var best = 0;
            var bestError = globalErrors[series.Index];
            for (var c = 1; c <= candidates.Count; c++)
                if (baselineErrors[series.Index, c - 1] < bestError)
                    (best, bestError) = (c, baselineErrors[series.Index, c - 1]);
            if (best == 0 || bestError >= (1 - options.SelectionMargin) * globalErrors[series.Index])
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

    /// <summary>
    /// Per quantile level and horizon, the conformal quantile of the normalised residuals (all horizons pooled where
    /// a horizon has fewer than <see cref="MinResidualsPerHorizon"/>).
    /// </summary>
    double[][] Offsets(List<double>[] residuals)
    {
        var pooled = residuals.SelectMany(r => r).ToList();
        return options.Levels.Select(level => Enumerable.Range(0, options.Horizon)
            .Select(h => Conformal.Quantile(residuals[h].Count >= MinResidualsPerHorizon ? residuals[h] : pooled, level)).ToArray()).ToArray();
    }

    /// <summary>
    /// Quantile forecasts per level: point + offset x (|point| + 0.1 x scale), floored at 0; NaN for series that start
    /// after the cutoff.
    /// </summary>
    /// <param name="offsets">Normalised offsets per level and horizon (<see cref="ForecastSet.Offsets"/>).</param>
    internal static float[][] Quantiles(SalesPanel panel, int cutoff, int horizon, float[] point, IReadOnlyList<double[]> offsets, float[] scales)
    {
        var result = offsets.Select(_ => new float[point.Length]).ToArray();
        foreach (var r in result)
            Array.Fill(r, float.NaN);
        foreach (var series in panel.Series.Where(s => s.First <= cutoff))
        {
            for (var h = 0; h < horizon; h++)
            {
                var i = series.Index * horizon + h;
                var unit = ErrorProfile.Normaliser(point[i], scales[series.Index], 1);
                for (var l = 0; l < offsets.Count; l++)
                    result[l][i] = (float)Math.Max(0, point[i] + offsets[l][h] * unit);
            }
        }
        return result;
    }
}
