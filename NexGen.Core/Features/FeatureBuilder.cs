namespace NexGen.Core.Features;

/// <summary>
/// Builds the feature vector of one series for a target at origin + h (direct multi-horizon, horizon as a feature).
/// Every value it reads from the series is at or before the origin: <see cref="At"/> refuses anything later, so a
/// change after the origin cannot move a feature (the leakage test checks this end to end).
/// </summary>
public sealed class FeatureBuilder(SalesPanel panel, FeatureSpec spec)
{
    /// <summary>Value for a feature that cannot be computed (before the series' first sale).</summary>
    public const float Missing = -1f;

    public FeatureSpec Spec => spec;

    public int Length => spec.Names.Count;

    /// <summary>
    /// The series' scale at the origin: mean absolute demand over the scale window, but never below a tenth of the
    /// mean over all its history (a series back from a lull must not get a tiny scale and huge scaled targets) nor
    /// below a small positive floor. Features and targets are divided by it.
    /// </summary>
    public float Scale(int series, int origin)
    {
        var demand = panel.DemandOf(series);
        var first = panel.Series[series].First;
        double recent = 0, all = 0;
        var count = 0;
        for (var t = origin; t >= first; t--, count++)
        {
            var value = Math.Abs(demand[t]);
            all += value;
            if (count < spec.ScaleWindow)
                recent += value;
        }
        if (count == 0)
            return 1f;
        var scale = Math.Max(recent / Math.Min(count, spec.ScaleWindow), 0.1 * all / count);
        return scale > 0 ? (float)Math.Max(scale, 1e-3) : 1f;
    }

    /// <summary>
    /// The base forecast the model corrects: for weekly data the same week a year before the target (the seasonal
    /// naive value), for daily data the mean of the last four same weekdays known at the origin; where those do not
    /// exist, the mean of the last season's worth of periods at the origin. The model learns (target - base) / scale,
    /// so seasonal peaks come from the base and trees, which cannot extrapolate, only need to learn corrections.
    /// </summary>
    public float Base(int series, int origin, int horizon) => Base(series, origin, horizon, out _);

    /// <summary>
    /// Whether the base may be the seasonal value (the default). A model trained where almost no target had a year of
    /// history learned corrections to the recent-mean fallback, so it must forecast from that fallback too.
    /// </summary>
    public bool SeasonalBase { get; init; } = true;

    /// <param name="seasonal">Whether the base is the seasonal value (false: the recent-mean fallback).</param>
    public float Base(int series, int origin, int horizon, out bool seasonal)
    {
        var value = SeasonalBase ? SeasonalValue(series, origin, horizon) : float.NaN;
        seasonal = !float.IsNaN(value);
        if (!seasonal)
            value = Mean(panel.DemandOf(series), panel.Series[series].First, origin, origin - Math.Min(spec.Season, 4) + 1, origin);
        return float.IsNaN(value) ? 0 : value;
    }

    /// <summary>
    /// The seasonal value for target origin + <paramref name="horizon"/>: the same week a year before (weekly data),
    /// the mean of the last four same weekdays known at the origin (daily data); NaN where the series has none.
    /// </summary>
    public float SeasonalValue(int series, int origin, int horizon)
    {
        var demand = panel.DemandOf(series);
        var first = panel.Series[series].First;
        var target = origin + horizon;
        return spec.Season == spec.Year
            ? At(demand, first, origin, target - spec.Year)
            : MeanEvery(demand, first, origin, target - spec.Season * ((horizon + spec.Season - 1) / spec.Season), spec.Season, 4);
    }

    /// <summary>Scaled targets are clipped to this range so a freak period cannot dominate the squared loss.</summary>
    public const float MaxScaled = 20f;

    /// <summary>Writes the features for target origin + <paramref name="horizon"/> into <paramref name="features"/>.</summary>
    public void Build(int series, int origin, int horizon, float scale, float baseline, Span<float> features)
    {
        var demand = panel.DemandOf(series);
        var info = panel.Series[series];
        var target = origin + horizon;
        var i = 0;
        features[i++] = horizon;
        features[i++] = MathF.Log(1 + scale);
        features[i++] = Scaled(baseline, scale);
        Base(series, origin, horizon, out var seasonalBase);
        features[i++] = seasonalBase ? 1 : 0;
        features[i++] = info.LocationCode;
        features[i++] = info.CategoryCode;
        foreach (var lag in spec.Lags)
            features[i++] = Scaled(At(demand, info.First, origin, origin - lag + 1), scale);
        foreach (var window in spec.MeanWindows)
            features[i++] = Scaled(Mean(demand, info.First, origin, origin - window + 1, origin), scale);
        foreach (var window in spec.StdWindows)
            features[i++] = Scaled(Std(demand, info.First, origin, origin - window + 1, origin), scale);
        foreach (var window in spec.MaxWindows)
            features[i++] = Scaled(Max(demand, info.First, origin, origin - window + 1, origin), scale);

        var recent = Math.Min(spec.ScaleWindow / 4, 13);
        var now = Mean(demand, info.First, origin, origin - recent + 1, origin);
        var yearAgo = Mean(demand, info.First, origin, origin - spec.Year - recent + 1, origin - spec.Year);
        features[i++] = float.IsNaN(now) || float.IsNaN(yearAgo) || yearAgo <= 0 ? Missing : Math.Clamp(now / yearAgo, 0, 10);

        var yearBefore = target - spec.Year;
        features[i++] = yearBefore > origin ? Missing : OrMissing(panel.Aggregates.SkuRelative(series, origin, yearBefore, spec.ScaleWindow));
        features[i++] = OrMissing(panel.Aggregates.SkuGrowth(series, origin, recent, spec.Year));

        var price = panel.Price.AsSpan(panel.Offset(series), panel.Periods);
        var meanPrice = Mean(price, 0, origin, origin - recent + 1, origin);
        var lastPrice = At(price, 0, origin, origin);
        features[i++] = float.IsNaN(lastPrice) || float.IsNaN(meanPrice) || meanPrice <= 0 ? Missing : lastPrice / meanPrice;

        // The same point of the season, the most recent one known at the origin.
        var seasonsBack = (horizon + spec.Season - 1) / spec.Season;
        features[i++] = Scaled(At(demand, info.First, origin, target - spec.Season * seasonsBack), scale);
        features[i++] = Scaled(MeanEvery(demand, info.First, origin, target - spec.Season * seasonsBack, spec.Season, 4), scale);
        features[i++] = Scaled(At(demand, info.First, origin, target - spec.Year), scale);
        var neighbour = spec.Season == spec.Year ? 1 : spec.Season;
        features[i++] = Scaled(MeanEvery(demand, info.First, origin, target - spec.Year + neighbour, neighbour, 3), scale);
        features[i++] = Scaled(At(demand, info.First, origin, target - 2 * spec.Year), scale);
        features[i++] = Scaled(MeanEvery(demand, info.First, origin, target - spec.Year, spec.Year, 3), scale);

        var date = panel.DateOf(target);
        features[i++] = System.Globalization.ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue));
        features[i++] = date.Month;
        features[i++] = date.Day;
        features[i++] = (int)date.DayOfWeek;
        features[i++] = panel.DaysToEvent(target);
        features[i++] = panel.DaysSinceEvent(target);
        var discount = panel.DiscountAt(series, target);
        features[i++] = discount;
        features[i++] = float.IsNaN(lastPrice) || float.IsNaN(meanPrice) || meanPrice <= 0 ? Missing : lastPrice * (1 - discount) / meanPrice;

        // Exogenous variables as known at the origin (a later value may be a forecast or not yet published).
        for (var x = 0; x < spec.Exogenous.Count; x++)
            features[i++] = panel.ExogenousAt(x, info.LocationCode, origin) is var value && float.IsNaN(value) ? Missing : value;
    }

    static float OrMissing(float value) => float.IsNaN(value) ? Missing : value;

    static float Scaled(float value, float scale) => float.IsNaN(value) ? Missing : Math.Clamp(value / scale, -MaxScaled, MaxScaled);

    /// <summary>The value at <paramref name="t"/>, or NaN before the series starts. Never reads after the origin.</summary>
    static float At(ReadOnlySpan<float> values, int first, int origin, int t)
    {
        if (t > origin)
            throw new InvalidOperationException($"Feature leak: period {t} is after the origin {origin}.");
        return t < first || t < 0 ? float.NaN : values[t];
    }

    static float Mean(ReadOnlySpan<float> values, int first, int origin, int from, int to)
    {
        if (to > origin)
            throw new InvalidOperationException($"Feature leak: period {to} is after the origin {origin}.");
        double sum = 0;
        var count = 0;
        for (var t = Math.Max(Math.Max(from, first), 0); t <= to; t++)
        {
            if (float.IsNaN(values[t]))
                continue;
            sum += values[t];
            count++;
        }
        return count == 0 ? float.NaN : (float)(sum / count);
    }

    static float Std(ReadOnlySpan<float> values, int first, int origin, int from, int to)
    {
        var mean = Mean(values, first, origin, from, to);
        if (float.IsNaN(mean))
            return float.NaN;
        double sum = 0;
        var count = 0;
        for (var t = Math.Max(Math.Max(from, first), 0); t <= to; t++)
        {
            sum += (values[t] - mean) * (values[t] - mean);
            count++;
        }
        return count < 2 ? float.NaN : (float)Math.Sqrt(sum / (count - 1));
    }

    static float Max(ReadOnlySpan<float> values, int first, int origin, int from, int to)
    {
        if (to > origin)
            throw new InvalidOperationException($"Feature leak: period {to} is after the origin {origin}.");
        var max = float.NaN;
        for (var t = Math.Max(Math.Max(from, first), 0); t <= to; t++)
            if (float.IsNaN(max) || values[t] > max)
                max = values[t];
        return max;
    }

    /// <summary>Mean of the values at start, start - step, ... (count of them), skipping what does not exist.</summary>
    static float MeanEvery(ReadOnlySpan<float> values, int first, int origin, int start, int step, int count)
    {
        double sum = 0;
        var found = 0;
        for (var k = 0; k < count; k++)
        {
            var t = start - k * step;
            if (t > origin)
                continue;
            var value = At(values, first, origin, t);
            if (float.IsNaN(value))
                continue;
            sum += value;
            found++;
        }
        return found == 0 ? float.NaN : (float)(sum / found);
    }
}
