using NexGen.Core.Features;

namespace NexGen.Core.Forecasting;

/// <summary>
/// The global model's fit and predict for one cutoff: one model over all series, direct multi-horizon with the
/// horizon as a feature (optionally one model per horizon bucket, <see cref="GlobalModelOptions.HorizonBuckets"/>),
/// series scaled by their recent mean so large and small series learn together.
/// </summary>
public sealed class GlobalForecaster(SalesPanel panel, FeatureSpec spec, GlobalModelOptions options)
{
    readonly FeatureBuilder _features = new(panel, spec);

    public FeatureSpec Spec => spec;

    /// <summary>Trains on targets at or before <paramref name="cutoff"/> (a period index), for horizons 1..<paramref name="horizon"/>.</summary>
    public GlobalDemandModel Fit(int cutoff, int horizon, CancellationToken cancellationToken = default)
    {
        var trainer = new DemandModelTrainer(options);
        var width = (horizon + options.HorizonBuckets - 1) / options.HorizonBuckets;
        if (width >= horizon)
            return trainer.Train(BuildTrainingSet(cutoff, 1, horizon, cancellationToken), spec.Names, cancellationToken);
        var buckets = new List<GlobalDemandModel>();
        for (var first = 1; first <= horizon; first += width)
            buckets.Add(trainer.Train(BuildTrainingSet(cutoff, first, Math.Min(horizon, first + width - 1), cancellationToken), spec.Names, cancellationToken));
        return GlobalDemandModel.ByHorizon(buckets, width);
    }

    /// <summary>
    /// Forecasts in units for every series that has started by the cutoff, for periods cutoff + 1 .. cutoff + horizon:
    /// <c>result[series * horizon + h - 1]</c>; NaN for series that start later.
    /// </summary>
    public float[] Predict(GlobalDemandModel model, int cutoff, int horizon)
    {
        var width = _features.Length;
        var series = panel.Series.Where(s => s.First <= cutoff).Select(s => s.Index).ToArray();
        var rows = new float[series.Length * horizon * width];
        var scales = new float[series.Length];
        var bases = new float[series.Length * horizon];
        Parallel.For(0, series.Length, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i =>
        {
            scales[i] = _features.Scale(series[i], cutoff);
            for (var h = 1; h <= horizon; h++)
            {
                var row = i * horizon + h - 1;
                bases[row] = _features.Base(series[i], cutoff, h);
                _features.Build(series[i], cutoff, h, scales[i], bases[row], rows.AsSpan(row * width, width));
            }
        });
        var scaled = model.Predict(rows);
        var result = new float[panel.Series.Count * horizon];
        Array.Fill(result, float.NaN);
        for (var i = 0; i < series.Length; i++)
            for (var h = 0; h < horizon; h++)
                result[series[i] * horizon + h] = Math.Max(0, Offset(bases[i * horizon + h]) + scaled[i * horizon + h] * scales[i]);
        return result;
    }

    /// <summary>
    /// The features that moved each series' first forecast period most, with their contributions in units of demand
    /// per period (the model's scaled contribution times the series scale); null for series that have not started.
    /// </summary>
    public IReadOnlyList<(string Feature, float Contribution)>?[] Explain(GlobalDemandModel model, int cutoff, int top)
    {
        var width = _features.Length;
        var series = panel.Series.Where(s => s.First <= cutoff).Select(s => s.Index).ToArray();
        var rows = new float[series.Length * width];
        var scales = new float[series.Length];
        for (var i = 0; i < series.Length; i++)
        {
            scales[i] = _features.Scale(series[i], cutoff);
            _features.Build(series[i], cutoff, 1, scales[i], _features.Base(series[i], cutoff, 1), rows.AsSpan(i * width, width));
        }
        var contributions = model.Contributions(rows, top);
        var result = new IReadOnlyList<(string, float)>?[panel.Series.Count];
        for (var i = 0; i < contributions.Length; i++)
            result[series[i]] = contributions[i].Select(c => (c.Feature, c.Contribution * scales[i])).ToList();
        return result;
    }

    /// <summary>
    /// Rows for every series, origin in the training window and horizon in <paramref name="firstHorizon"/> ..
    /// <paramref name="lastHorizon"/> whose target is known, not censored and at or before the cutoff; sampled down to <see cref="GlobalModelOptions.MaxTrainingRows"/> by a seeded hash, so the
    /// same data always gives the same rows. Rows learn the same kind of base the forecasts use: where the seasonal
    /// base exists for enough rows (a year of weekly history), rows with only the fallback base are left out, since
    /// their residuals hold the seasonality that the seasonal base already carries.
    /// </summary>
    public TrainingSet BuildTrainingSet(int cutoff, int firstHorizon, int lastHorizon, CancellationToken cancellationToken = default)
    {
        var firstOrigin = Math.Max(0, cutoff - options.TrainingWindow);
        long candidates = 0, seasonalCandidates = 0;
        foreach (var s in panel.Series)
            for (var origin = Math.Max(firstOrigin, s.First); origin < cutoff; origin++)
                for (var h = firstHorizon; h <= lastHorizon && origin + h <= cutoff; h++)
                {
                    candidates++;
                    if (origin + h - spec.Year >= s.First || spec.Season != spec.Year)
                        seasonalCandidates++;
                }
        var seasonalOnly = seasonalCandidates >= candidates / 10;
        var rows = seasonalOnly ? seasonalCandidates : candidates;
        var keep = rows <= options.MaxTrainingRows ? 1.0 : options.MaxTrainingRows / (double)rows;

        var perSeries = new TrainingSet[panel.Series.Count];
        Parallel.For(0, panel.Series.Count, new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = cancellationToken }, s =>
        {
            var set = new TrainingSet(_features.Length);
            var buffer = new float[_features.Length];
            var first = panel.Series[s].First;
            var offset = panel.Offset(s);
            for (var origin = Math.Max(firstOrigin, first); origin < cutoff; origin++)
            {
                var scale = float.NaN;
                for (var h = firstHorizon; h <= lastHorizon && origin + h <= cutoff; h++)
                {
                    var target = origin + h;
                    if (panel.Censored[offset + target] || Sample(s, origin, h) >= keep)
                        continue;
                    var baseline = _features.Base(s, origin, h, out var seasonal);
                    if (seasonalOnly && !seasonal)
                        continue;
                    if (float.IsNaN(scale))
                        scale = _features.Scale(s, origin);
                    _features.Build(s, origin, h, scale, baseline, buffer);
                    var label = (panel.Demand[offset + target] - Offset(baseline)) / scale;
                    set.Add(buffer, Math.Clamp(label, -FeatureBuilder.MaxScaled, FeatureBuilder.MaxScaled));
                }
            }
            perSeries[s] = set;
        });
        var all = new TrainingSet(_features.Length);
        foreach (var set in perSeries)
            for (var row = 0; row < set.Count; row++)
                all.Add(set.Features(row), set.Label(row));
        return all;
    }

    /// <summary>
    /// What the target is measured from: the seasonal base for squared-error FastTree (the model learns corrections,
    /// which may be negative); zero for Tweedie, whose loss needs non-negative targets, so it learns scaled demand
    /// itself (the base is still a feature).
    /// </summary>
    float Offset(float baseline) => options.Kind == ModelKind.FastTreeTweedie ? 0 : baseline;

    int Threads => options.Threads > 0 ? options.Threads : Environment.ProcessorCount;

    /// <summary>A uniform number in [0, 1) from (seed, series, origin, horizon): SplitMix64.</summary>
    double Sample(int series, int origin, int horizon)
    {
        var x = (ulong)options.Seed * 0x9E3779B97F4A7C15UL ^ (ulong)series * 0xBF58476D1CE4E5B9UL ^ (ulong)origin * 0x94D049BB133111EBUL ^ (ulong)horizon;
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
