using NexGen.Core.Features;
using NexGen.Core.Forecasting.Evaluation;
using NexGen.Core.Store;

namespace NexGen.Core.Forecasting;

/// <summary>
/// Makes a forecast as of a cutoff. The training rows are built once for the whole run. A calibration model, trained
/// on data up to one horizon before the cutoff, forecasts from <see cref="ForecastEngineOptions.CalibrationWindows"/>
/// origins between that point and the cutoff (only targets at or before the cutoff are scored); with early stopping on
/// (<see cref="GlobalModelOptions.EarlyStoppingRounds"/>) its errors on those periods stop its training, and the final
/// model, trained on all data up to the cutoff, gets the same number of trees. The calibration residuals, each divided by its series' own error level
/// (<see cref="SeriesErrorScale"/>), give the intervals (split conformal) per group of series by volume and per
/// horizon. The same windows score seasonal naive, the moving average and TSB on every series: a series whose
/// calibration error (MAE) with one of them is clearly lower than with the global model (by
/// <see cref="ForecastEngineOptions.SelectionMargin"/>) is forecast with that baseline, and its rows name it.
/// With <see cref="ModelKind.Auto"/> each candidate learner is calibrated and the one with the lower WRMSSE is trained.
/// </summary>
public sealed class ForecastEngine(SalesPanel panel, ForecastEngineOptions options)
{
    const int MinResidualsPerHorizon = 100;

    /// <summary>At most this many volume groups for the intervals.</summary>
    const int MaxGroups = 4;

    /// <summary>A volume group needs this many series, or there are fewer groups.</summary>
    const int MinSeriesPerGroup = 50;

    readonly FeatureSpec _spec = FeatureSpec.For(panel);

    public ForecastSet Forecast(int cutoff, IProgress<(string Phase, double Fraction)>? progress = null, CancellationToken cancellationToken = default)
    {
        var horizon = options.Horizon;
        var builder = new FeatureBuilder(panel, _spec);
        ModelKind[] kinds = options.Model.Kind == ModelKind.Auto ? [ModelKind.LightGbm, ModelKind.FastTreeTweedie] : [options.Model.Kind];
        var steps = kinds.Length + 2.0;
        var calibrationCutoff = cutoff - horizon;
        // The calibration model must learn from the kind of base the final one does. Where the cutoff has a year of
        // history for enough rows but one horizon earlier does not (weekly data between one and one and a half years),
        // the calibration cutoff moves later: its windows then score the shorter horizons only, and the longer ones
        // take their neighbours' residuals.
        var rowsFor = new GlobalForecaster(panel, _spec, options.Model);
        if (rowsFor.HasSeasonalBase(cutoff, horizon))
            while (calibrationCutoff < cutoff - 1 && !rowsFor.HasSeasonalBase(calibrationCutoff, horizon))
                calibrationCutoff++;
        var step = Math.Max(1, (cutoff - calibrationCutoff) / Math.Max(1, options.CalibrationWindows));
        var origins = Enumerable.Range(0, Math.Max(1, options.CalibrationWindows)).Select(k => calibrationCutoff + k * step)
            .Where(o => o >= 1 && o < cutoff).Distinct().ToArray();
        var firstOrigin = (origins.Length > 0 ? calibrationCutoff : cutoff) - options.Model.TrainingWindow;

        progress?.Report(("building features", 0));
        var rows = rowsFor.BuildRows(firstOrigin, cutoff, horizon,
            origins.Length > 0 ? calibrationCutoff : cutoff, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        // Every model of the run forecasts from the kind of base its rows learned from.
        var settings = options.Model with { SeasonalBase = rows.SeasonalBase };

        var grain = panel.PeriodDays == 7 ? Baselines.SeriesGrain.Weekly : Baselines.SeriesGrain.Daily;
        var candidates = Candidates(grain);
        var baselineErrors = new double[panel.Series.Count, candidates.Count];
        var seasonalNaive = new List<SeriesForecastEvaluation>();
        var actuals = new Dictionary<int, double[][]>();
        foreach (var origin in origins)
        {
            var byOrigin = actuals[origin] = new double[panel.Series.Count][];
            foreach (var series in panel.Series.Where(s => s.First <= origin))
            {
                byOrigin[series.Index] = Actuals(series.Index, origin, cutoff);
                var history = panel.History(series.Index, origin);
                for (var c = 0; c < candidates.Count; c++)
                {
                    var baseline = candidates[c].Forecast(history, horizon);
                    baselineErrors[series.Index, c] += AbsoluteError(byOrigin[series.Index], baseline);
                    if (candidates[c].Name == ModelNames.SeasonalNaive)
                        seasonalNaive.Add(Evaluation(series, origin, byOrigin[series.Index], baseline, history));
                }
            }
        }

        var validation = options.Model.EarlyStoppingRounds > 0 ? rows.Select(r => rows.Origins[r] >= calibrationCutoff && rows.Targets[r] <= cutoff) : null;
        var calibrations = new List<Calibration>();
        var done = 0;
        foreach (var kind in origins.Length == 0 ? [] : kinds)
        {
            progress?.Report(($"calibrating {kind}", ++done / steps));
            var forecaster = new GlobalForecaster(panel, _spec, settings with { Kind = kind });
            var model = forecaster.Fit(rows, calibrationCutoff, validation, options.Model.Trees, cancellationToken);
            progress?.Report(($"scoring {kind} on the calibration windows", (done + 0.8) / steps));
            var parts = origins.ToDictionary(o => o, o => forecaster.PredictParts(model, o, horizon));
            var damping = kind == ModelKind.FastTreeTweedie ? 1 : Damping(parts, actuals);
            var calibration = new Calibration(kind, model.Trees, damping, horizon, panel.Series.Count);
            foreach (var origin in origins)
            {
                var predicted = GlobalForecaster.Combine(parts[origin], damping);
                foreach (var series in panel.Series.Where(s => s.First <= origin))
                {
                    var scale = builder.Scale(series.Index, origin);
                    calibration.Add(series, origin, actuals[origin][series.Index], predicted.AsSpan(series.Index * horizon, horizon), scale,
                        SeriesErrorScale.At(panel, series.Index, origin, scale), panel.History(series.Index, origin), this);
                }
            }
            calibrations.Add(calibration);
        }

        // With several learners, the one whose calibration backtest had the lower WRMSSE.
        var chosen = calibrations.OrderBy(c => c.Global.Count == 0 ? 0 : Score(Accuracy.Evaluate(c.Global).Wrmsse)).FirstOrDefault();
        settings = settings with
        {
            Kind = chosen?.Kind ?? kinds[0],
            Trees = chosen?.Trees is > 0 and var trees ? trees : options.Model.Trees,
            Damping = chosen?.Damping ?? 1,
        };
        progress?.Report(($"training {settings.Kind}", (steps - 1) / steps));
        var final = new GlobalForecaster(panel, _spec, settings);
        var trained = final.Fit(rows, cutoff, null, settings.Trees, cancellationToken);
        rows = null!; // the rows are the run's largest allocation: free them before forecasting
        progress?.Report(("forecasting", (steps - 0.3) / steps));
        var pointForecast = final.Predict(trained, cutoff, horizon);
        var models = panel.Series.Select(s => s.First <= cutoff ? ModelNames.Global : "").ToArray();
        if (chosen is { Global.Count: > 0 })
            SelectPerSeries(cutoff, pointForecast, models, chosen.Errors, baselineErrors, candidates,
                combined: s => !settings.SeasonalBase && !float.IsNaN(builder.SeasonalValue(s, cutoff, 1)));
        var scales = panel.Series.Select(s => s.First <= cutoff ? builder.Scale(s.Index, cutoff) : float.NaN).ToArray();
        var errorScales = ErrorScales(panel, cutoff, scales);
        var intervals = chosen is null ? new ModelIntervals(options.Levels, []) : Intervals(chosen);
        var aggregateIntervals = chosen is null ? [] : AggregateIntervals(chosen);
        var quantiles = Quantiles(panel, cutoff, horizon, point: pointForecast, intervals, scales, errorScales);
        var calibrationMetrics = chosen is not { Global.Count: > 0 }
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
        return new ForecastSet(panel, cutoff, horizon, pointForecast, options.Levels, quantiles, models, trained, calibrationMetrics, explanations,
            settings, scales, chosen is null ? null : ErrorProfile.FromErrors(chosen.Cumulative), intervals)
        {
            Backtests = chosen?.Global ?? [],
            NaiveBacktests = seasonalNaive,
            AggregateIntervals = aggregateIntervals,
            ErrorScales = errorScales,
        };
    }

    /// <summary>
    /// The share of the model's correction (<see cref="MinDamping"/>, + 0.1, .. 1) whose forecasts have the lowest
    /// absolute error over the calibration windows' known actuals.
    /// </summary>
    internal static double Damping(Dictionary<int, (float[] Bases, float[] Corrections)> parts, Dictionary<int, double[][]> actuals)
    {
        double[] candidates = [.. Enumerable.Range(0, (int)Math.Round((1 - MinDamping) * 10) + 1).Select(k => 1 - k / 10.0)];
        var errors = new double[candidates.Length];
        foreach (var (origin, (bases, corrections)) in parts)
        {
            var byOrigin = actuals[origin];
            var horizon = bases.Length / byOrigin.Length;
            for (var s = 0; s < byOrigin.Length; s++)
                for (var h = 0; byOrigin[s] is { } actual && h < horizon; h++)
                {
                    var i = s * horizon + h;
                    if (double.IsNaN(actual[h]) || float.IsNaN(bases[i]))
                        continue;
                    for (var c = 0; c < candidates.Length; c++)
                        errors[c] += Math.Abs(Math.Max(0, bases[i] + candidates[c] * corrections[i]) - actual[h]);
                }
        }
        var best = 0;
        for (var c = 1; c < candidates.Length; c++)
            if (errors[c] < errors[best])
                best = c;
        return candidates[best];
    }

    /// <summary>
    /// The most the damping takes off the model's corrections. The calibration model learns from fewer rows than the
    /// final one (on weekly data with little history, a quarter as many), so its corrections are worth less out of
    /// sample than the final model's: on Walmart's rolling backtest a free choice (down to 0.1) scored WAPE 11.5 %,
    /// this floor 11.3 %.
    /// </summary>
    const double MinDamping = 0.7;

    static double Score(double wrmsse) => double.IsFinite(wrmsse) ? wrmsse : double.MaxValue;

    /// <summary>What happened after a calibration origin, up to the forecast cutoff (NaN later, and in stock-outs).</summary>
    double[] Actuals(int series, int origin, int cutoff)
    {
        var offset = panel.Offset(series);
        var actual = new double[options.Horizon];
        Array.Fill(actual, double.NaN);
        for (var h = 1; h <= options.Horizon && origin + h <= cutoff; h++)
            if (!panel.Censored[offset + origin + h])
                actual[h - 1] = panel.Quantity[offset + origin + h];
        return actual;
    }

    SeriesForecastEvaluation Evaluation(PanelSeries series, int origin, double[] actual, double[] forecast, double[] history) =>
        new(series.Location, series.Sku, panel.DateOf(origin), actual, forecast, Accuracy.NaiveScale(history), Accuracy.SalesWeight(history, options.Horizon));

    /// <summary>
    /// One learner's calibration: residuals per horizon divided by each series' error scale (with the series' scale,
    /// which picks its volume group), normalised cumulative errors per number of periods (<see cref="ErrorProfile"/>),
    /// evaluations, each series' error and the number of trees early stopping kept.
    /// </summary>
    sealed class Calibration(ModelKind kind, int trees, double damping, int horizon, int series)
    {
        public ModelKind Kind => kind;
        public int Trees => trees;
        public double Damping => damping;
        public List<(double Scale, double Residual)>[] Residuals { get; } = Enumerable.Range(0, horizon).Select(_ => new List<(double, double)>()).ToArray();
        public List<(double Scale, double Error)>[] Cumulative { get; } = Enumerable.Range(0, horizon).Select(_ => new List<(double, double)>()).ToArray();
        public List<SeriesForecastEvaluation> Global { get; } = [];
        public double[] Errors { get; } = new double[series];

        /// <summary>Actual and forecast summed per aggregate (null = all series), origin and horizon, over known actuals.</summary>
        public Dictionary<(string? Location, int Origin, int H), (double Actual, double Forecast)> Aggregates { get; } = [];

        public void Add(PanelSeries s, int origin, double[] actual, ReadOnlySpan<float> predicted, float scale, float errorScale, double[] history, ForecastEngine engine)
        {
            var points = new double[horizon];
            for (var h = 0; h < horizon; h++)
            {
                points[h] = predicted[h];
                if (!double.IsNaN(actual[h]))
                    Residuals[h].Add((scale, (actual[h] - points[h]) / errorScale));
            }
            double error = 0;
            for (var h = 0; h < horizon && !double.IsNaN(actual[h]); h++)
            {
                error += actual[h] - points[h];
                Cumulative[h].Add((scale, error / ErrorProfile.Normaliser(errorScale, h + 1)));
            }
            Global.Add(engine.Evaluation(s, origin, actual, points, history));
            Errors[s.Index] += AbsoluteError(actual, points);
            for (var h = 0; h < horizon; h++)
                if (!double.IsNaN(actual[h]))
                    foreach (var location in (string?[])[null, s.Location])
                    {
                        var sums = Aggregates.GetValueOrDefault((location, origin, h));
                        Aggregates[(location, origin, h)] = (sums.Actual + actual[h], sums.Forecast + points[h]);
                    }
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

    /// <summary>
    /// Replaces the global forecast of series where a baseline was clearly better in calibration. Series whose forecast
    /// is combined with last season's value (<paramref name="combined"/>, see <see cref="GlobalForecaster.PredictParts"/>)
    /// keep it: their calibration compared forecasts that could not see last season, so it says nothing of the
    /// combination (on Walmart's last 60 weeks, keeping them cut WRMSSE from 0.76 to 0.70).
    /// </summary>
    void SelectPerSeries(int cutoff, float[] point, string[] models, double[] globalErrors, double[,] baselineErrors, IReadOnlyList<Candidate> candidates,
        Func<int, bool> combined)
    {
        var horizon = options.Horizon;
        foreach (var series in panel.Series.Where(s => s.First <= cutoff && !combined(s.Index)))
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
    /// Per volume group (up to <see cref="MaxGroups"/> of equal series count, split at quantiles of the scale), level
    /// and horizon, the conformal quantile of the residuals divided by the series' error scale (split conformal, bias
    /// included: centring them on their trimmed mean cost 5 to 15 points of p10-p90 coverage in some volume quartiles of
    /// the daily sets). A horizon with fewer than <see cref="MinResidualsPerHorizon"/> residuals in a group takes those
    /// of its neighbouring horizons.
    /// </summary>
    ModelIntervals Intervals(Calibration calibration)
    {
        var scales = calibration.Residuals[0].Select(r => r.Scale).Distinct().Order().ToArray();
        var bounds = VolumeGroups.Bounds(scales, MinSeriesPerGroup, MaxGroups);
        return new ModelIntervals(options.Levels, bounds.Select((from, g) =>
        {
            var to = g + 1 < bounds.Length ? bounds[g + 1] : double.PositiveInfinity;
            var residuals = calibration.Residuals.Select(byHorizon => byHorizon.Where(r => r.Scale >= from && r.Scale < to).Select(r => r.Residual).ToList()).ToArray();
            var pooled = Enumerable.Range(0, options.Horizon).Select(h => Neighbourhood(residuals, h)).ToArray();
            return new ModelIntervals.Group(from, options.Levels.Select(level => pooled
                .Select(r => Conformal.Quantile(r, level)).ToArray()).ToList());
        }).ToList());
    }

    /// <summary>
    /// Per aggregate (the total, each location) and level, the conformal quantile of the aggregate's relative calibration
    /// errors (actual - forecast) / forecast, pooled over origins and horizons, less their trimmed mean: an aggregate has
    /// one error per calibration period, too few and too correlated to tell a bias, so its band is centred on its line.
    /// </summary>
    IReadOnlyList<AggregateInterval> AggregateIntervals(Calibration calibration) =>
    [
        .. calibration.Aggregates.Where(a => a.Value.Forecast > 0).GroupBy(a => a.Key.Location).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g =>
            {
                var errors = g.Select(a => (a.Value.Actual - a.Value.Forecast) / a.Value.Forecast).ToList();
                var bias = TrimmedMean(errors);
                return options.Levels.Select(level => new AggregateInterval(g.Key, level, Conformal.Quantile(errors, level) - bias));
            }),
    ];

    /// <summary>The mean of the middle 80 % of the values: a bias that a few freak periods do not move.</summary>
    static double TrimmedMean(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var cut = sorted.Length / 10;
        return sorted.AsSpan(cut, sorted.Length - 2 * cut).ToArray().Average();
    }

    /// <summary>Horizon h's residuals, widened to h - 1 .. h + 1, h - 2 .. h + 2, ... until there are enough.</summary>
    static List<double> Neighbourhood(List<double>[] residuals, int h)
    {
        var result = new List<double>(residuals[h]);
        for (var width = 1; result.Count < MinResidualsPerHorizon && width < residuals.Length; width++)
        {
            if (h - width >= 0)
                result.AddRange(residuals[h - width]);
            if (h + width < residuals.Length)
                result.AddRange(residuals[h + width]);
        }
        return result;
    }

    /// <summary>Each series' error scale at the cutoff (<see cref="SeriesErrorScale"/>); NaN for series that start later.</summary>
    internal static float[] ErrorScales(SalesPanel panel, int cutoff, float[] scales) =>
        [.. panel.Series.Select(s => s.First <= cutoff ? SeriesErrorScale.At(panel, s.Index, cutoff, scales[s.Index]) : float.NaN)];

    /// <summary>
    /// Quantile forecasts per level: point + offset x the series' error scale (<see cref="SeriesErrorScale"/>), with the
    /// offsets of its volume group, floored at 0; NaN for series that start after the cutoff.
    /// </summary>
    internal static float[][] Quantiles(SalesPanel panel, int cutoff, int horizon, float[] point, ModelIntervals intervals, float[] scales, float[] errorScales)
    {
        var result = intervals.Levels.Select(_ => new float[point.Length]).ToArray();
        foreach (var r in result)
            Array.Fill(r, float.NaN);
        if (intervals.Groups.Count == 0)
            return result;
        foreach (var series in panel.Series.Where(s => s.First <= cutoff))
        {
            var scale = scales[series.Index];
            var unit = errorScales[series.Index];
            var offsets = intervals.OffsetsFor(scale);
            for (var h = 0; h < horizon; h++)
            {
                var i = series.Index * horizon + h;
                for (var l = 0; l < offsets.Count; l++)
                    result[l][i] = (float)Math.Max(0, point[i] + offsets[l][h] * unit);
            }
        }
        return result;
    }
}
