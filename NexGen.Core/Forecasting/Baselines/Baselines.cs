namespace NexGen.Core.Forecasting.Baselines;

/// <summary>
/// The baseline forecasts every model is measured against (DOMAIN.md), plus the Syntetos-Boylan classification that
/// says which of them suits a series.
/// </summary>
/// <remarks>
/// <para>
/// A history is one value per consecutive period (day or week) in sales units, from the series' first period up to and
/// including the cutoff T (the last element is y_T). <see cref="double.NaN"/> marks an unknown period (a censored
/// stock-out): every method skips it rather than reading it as zero demand. An empty or all-NaN history forecasts 0.
/// </para>
/// <para>
/// Every method returns a new array of length <c>horizon</c> whose element h - 1 is the forecast for T + h, and
/// allocates nothing else, so it can run per series over tens of thousands of series and several cutoffs.
/// </para>
/// </remarks>
public static class Baselines
{
    const int DaysPerWeek = 7;
    const int WeeksPerYear = 52;
    const int DaysPerYear = 364; // 52 whole weeks, so "one year back" lands on the same weekday
    const double AdiCutoff = 1.32;
    const double Cv2Cutoff = 0.49;

    /// <summary>Naive forecast: the last known value, repeated over the horizon.</summary>
    /// <param name="history">Values per period up to the cutoff, NaN = unknown.</param>
    /// <param name="horizon">Number of periods to forecast, 0 or more.</param>
    /// <returns>The last non-NaN value of <paramref name="history"/> for every h; 0 when there is none.</returns>
    public static double[] Naive(ReadOnlySpan<double> history, int horizon)
    {
        var forecast = NewForecast(horizon);
        Array.Fill(forecast, LastKnown(history));
        return forecast;
    }

    /// <summary>
    /// Seasonal naive forecast (DOMAIN.md): daily data repeats the last 7 days (y_{T+h-7k}, the smallest k &gt;= 1 that
    /// lands at or before T); weekly data with at least 52 weeks of history repeats the same week one year earlier
    /// (y_{T+h-52k}); weekly history shorter than 52 weeks repeats the last known value.
    /// </summary>
    /// <param name="history">Values per period up to the cutoff, NaN = unknown.</param>
    /// <param name="horizon">Number of periods to forecast, 0 or more.</param>
    /// <param name="grain">Daily (season of 7 days) or weekly (season of 52 weeks).</param>
    /// <returns>
    /// Per h the seasonal value; when it is NaN, the same period one season earlier (and so on back); when no season
    /// back is known (or daily history is shorter than 7 days), the last known value; 0 when nothing is known.
    /// </returns>
    public static double[] SeasonalNaive(ReadOnlySpan<double> history, int horizon, SeriesGrain grain)
    {
        var forecast = NewForecast(horizon);
        var lastKnown = LastKnown(history);
        for (var h = 1; h <= horizon; h++)
            forecast[h - 1] = SeasonalNaiveAt(history, h, grain, lastKnown);
        return forecast;
    }

    /// <summary>
    /// The simplest honest quantile forecast (the reference of <c>../shared/peer/snaive_quantiles.py</c>): seasonal
    /// naive plus, per level, the series' own empirical quantile (linear between order statistics) of its seasonal
    /// naive errors y_t - y_{t-m} over the last 365 days or 104 weeks (m = 7 days, 52 weeks; 1 when the history is
    /// shorter than m + 10 periods), floored at 0.
    /// </summary>
    /// <returns>One array per level, each <paramref name="horizon"/> long.</returns>
    public static double[][] SeasonalNaiveQuantiles(ReadOnlySpan<double> history, int horizon, SeriesGrain grain, IReadOnlyList<double> levels)
    {
        var point = SeasonalNaive(history, horizon, grain);
        var season = grain == SeriesGrain.Weekly ? 52 : 7;
        var lag = history.Length < season + 10 ? 1 : season;
        var errors = new List<double>();
        for (var t = Math.Max(lag, history.Length - (grain == SeriesGrain.Weekly ? 104 : 365)); t < history.Length; t++)
            if (!double.IsNaN(history[t]) && !double.IsNaN(history[t - lag]))
                errors.Add(history[t] - history[t - lag]);
        errors.Sort();
        return [.. levels.Select(level =>
        {
            var offset = 0.0;
            if (errors.Count > 0)
            {
                var position = level * (errors.Count - 1);
                var below = (int)Math.Floor(position);
                offset = errors[below] + (position - below) * (errors[Math.Min(below + 1, errors.Count - 1)] - errors[below]);
            }
            return point.Select(p => Math.Max(0, p + offset)).ToArray();
        })];
    }

    /// <summary>Moving average: the mean of the last <paramref name="window"/> known values, flat over the horizon.</summary>
    /// <param name="history">Values per period up to the cutoff, NaN = unknown.</param>
    /// <param name="horizon">Number of periods to forecast, 0 or more.</param>
    /// <param name="window">
    /// Number of known values averaged, 1 or more. NaN periods do not count, so the window reaches further back past
    /// them; a history with fewer known values averages all of them.
    /// </param>
    public static double[] MovingAverage(ReadOnlySpan<double> history, int horizon, int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        var forecast = NewForecast(horizon);
        var sum = 0.0;
        var count = 0;
        for (var t = history.Length - 1; t >= 0 && count < window; t--)
        {
            if (double.IsNaN(history[t]))
                continue;
            sum += history[t];
            count++;
        }
        Array.Fill(forecast, count == 0 ? 0 : sum / count);
        return forecast;
    }

    /// <summary>
    /// Seasonal profile: the same period in earlier years, averaged. Weekly: mean of y_{T+h-52k}; daily: mean of
    /// y_{T+h-364k} (364 days keeps the weekday), over <paramref name="years"/> consecutive years k = k0 .. k0 + years - 1,
    /// where k0 = ceil(h / season) is the most recent year at or before the cutoff (k0 = 1 for h up to one season).
    /// </summary>
    /// <param name="history">Values per period up to the cutoff, NaN = unknown.</param>
    /// <param name="horizon">Number of periods to forecast, 0 or more.</param>
    /// <param name="grain">Daily (year of 364 days) or weekly (year of 52 weeks).</param>
    /// <param name="years">How many earlier years to average, 1 or more; default 3.</param>
    /// <returns>
    /// Per h the mean of those years' values that exist in the history and are known; where none does, the
    /// <see cref="SeasonalNaive"/> value for that h.
    /// </returns>
    public static double[] SeasonalProfile(ReadOnlySpan<double> history, int horizon, SeriesGrain grain, int years = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(years);
        var forecast = NewForecast(horizon);
        var season = grain == SeriesGrain.Daily ? DaysPerYear : WeeksPerYear;
        var lastKnown = LastKnown(history);
        for (var h = 1; h <= horizon; h++)
        {
            var sum = 0.0;
            var count = 0;
            var t = LatestSamePeriod(history.Length, h, season);
            for (var k = 0; k < years && t >= 0; k++, t -= season)
            {
                if (double.IsNaN(history[t]))
                    continue;
                sum += history[t];
                count++;
            }
            forecast[h - 1] = count > 0 ? sum / count : SeasonalNaiveAt(history, h, grain, lastKnown);
        }
        return forecast;
    }

    /// <summary>
    /// Croston's method (DOMAIN.md): on a non-zero demand y after q periods, z += alpha (y - z) and p += alpha (q - p);
    /// the forecast is z / p, flat over the horizon. With SBA (Syntetos-Boylan approximation) it is multiplied by
    /// (1 - alpha / 2) to remove Croston's upward bias.
    /// </summary>
    /// <remarks>
    /// Initialisation: z = the first non-zero demand, p = the first interval (the number of known periods up to and
    /// including the first non-zero demand); smoothing starts at the second non-zero demand. Negative values
    /// (returns) count as zero demand. NaN periods are left out entirely: they neither update z or p nor count
    /// towards an interval q, so a stock-out does not stretch the interval as if nobody had wanted the item.
    /// </remarks>
    /// <param name="history">Values per period up to the cutoff, NaN = unknown.</param>
    /// <param name="horizon">Number of periods to forecast, 0 or more.</param>
    /// <param name="alpha">Smoothing constant for both size and interval, in (0, 1]; default 0.1.</param>
    /// <param name="sba">Apply the SBA correction (1 - alpha / 2); default true.</param>
    /// <returns>Demand per period; 0 when the history has no positive demand.</returns>
    public static double[] Croston(ReadOnlySpan<double> history, int horizon, double alpha = 0.1, bool sba = true)
    {
        CheckSmoothing(alpha, nameof(alpha));
        var forecast = NewForecast(horizon);
        double size = 0, interval = 0;
        var started = false;
        var periods = 0; // known periods since the previous non-zero demand, including the current one
        foreach (var y in history)
        {
            if (double.IsNaN(y))
                continue;
            periods++;
            if (y <= 0)
                continue;
            if (started)
            {
                size += alpha * (y - size);
                interval += alpha * (periods - interval);
            }
            else
            {
                size = y;
                interval = periods;
                started = true;
            }
            periods = 0;
        }
        if (started)
            Array.Fill(forecast, size / interval * (sba ? 1 - alpha / 2 : 1));
        return forecast;
    }

    /// <summary>
    /// Teunter-Syntetos-Babai (DOMAIN.md): every period, if y &gt; 0 then z += alpha (y - z) and pr += beta (1 - pr),
    /// else pr += beta (0 - pr); the forecast is pr * z, flat over the horizon. Unlike Croston, the probability decays
    /// through a run of zeros, so an item that stopped selling forecasts towards 0.
    /// </summary>
    /// <remarks>
    /// Initialisation: z = the first non-zero demand, pr = 1 / the first interval (the number of known periods up to and
    /// including the first non-zero demand, the same start as <see cref="Croston"/>); updates start with the period
    /// after it. Negative values (returns) count as zero demand. NaN periods are skipped without any update.
    /// </remarks>
    /// <param name="history">Values per period up to the cutoff, NaN = unknown.</param>
    /// <param name="horizon">Number of periods to forecast, 0 or more.</param>
    /// <param name="alpha">Smoothing constant for the demand size, in (0, 1]; default 0.1.</param>
    /// <param name="beta">Smoothing constant for the demand probability, in (0, 1]; default 0.1.</param>
    /// <returns>Demand per period; 0 when the history has no positive demand.</returns>
    public static double[] Tsb(ReadOnlySpan<double> history, int horizon, double alpha = 0.1, double beta = 0.1)
    {
        CheckSmoothing(alpha, nameof(alpha));
        CheckSmoothing(beta, nameof(beta));
        var forecast = NewForecast(horizon);
        double size = 0, probability = 0;
        var started = false;
        var periods = 0;
        foreach (var y in history)
        {
            if (double.IsNaN(y))
                continue;
            if (!started)
            {
                periods++;
                if (y > 0)
                {
                    size = y;
                    probability = 1.0 / periods;
                    started = true;
                }
                continue;
            }
            if (y > 0)
            {
                size += alpha * (y - size);
                probability += beta * (1 - probability);
            }
            else
            {
                probability -= beta * probability;
            }
        }
        if (started)
            Array.Fill(forecast, probability * size);
        return forecast;
    }

    /// <summary>
    /// Syntetos-Boylan classification (DOMAIN.md): smooth (ADI &lt; 1.32, CV² &lt; 0.49), erratic (ADI &lt; 1.32,
    /// CV² &gt;= 0.49), intermittent (ADI &gt;= 1.32, CV² &lt; 0.49) or lumpy (both high).
    /// </summary>
    /// <remarks>
    /// ADI counts intervals as <see cref="Croston"/> does (the first from the start of the history, NaN periods left
    /// out); CV² uses the population variance of the non-zero sizes. Negative values (returns) count as zero demand.
    /// A history without positive demand is intermittent with ADI = +infinity and CV² = 0.
    /// </remarks>
    /// <param name="history">Values per period up to the cutoff, NaN = unknown.</param>
    public static DemandPattern Classify(ReadOnlySpan<double> history)
    {
        var known = 0;
        var lastDemandAt = 0; // in known periods, 1-based
        var demands = 0;
        double mean = 0, squares = 0; // Welford: running mean and sum of squared deviations of the sizes
        foreach (var y in history)
        {
            if (double.IsNaN(y))
                continue;
            known++;
            if (y <= 0)
                continue;
            lastDemandAt = known;
            demands++;
            var delta = y - mean;
            mean += delta / demands;
            squares += delta * (y - mean);
        }
        if (demands == 0)
            return new DemandPattern(DemandClass.Intermittent, double.PositiveInfinity, 0);

        var adi = (double)lastDemandAt / demands;
        var cv2 = squares / demands / (mean * mean);
        var demandClass = (adi < AdiCutoff, cv2 < Cv2Cutoff) switch
        {
            (true, true) => DemandClass.Smooth,
            (true, false) => DemandClass.Erratic,
            (false, true) => DemandClass.Intermittent,
            (false, false) => DemandClass.Lumpy,
        };
        return new DemandPattern(demandClass, adi, cv2);
    }

    static double[] NewForecast(int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        return new double[horizon];
    }

    static void CheckSmoothing(double value, string name)
    {
        if (!(value > 0 && value <= 1))
            throw new ArgumentOutOfRangeException(name, value, "A smoothing constant must lie in (0, 1].");
    }

    static double LastKnown(ReadOnlySpan<double> history)
    {
        for (var t = history.Length - 1; t >= 0; t--)
            if (!double.IsNaN(history[t]))
                return history[t];
        return 0;
    }

    /// <summary>Index of the latest period at or before the cutoff that is a whole number of seasons before T + h.</summary>
    static int LatestSamePeriod(int length, int h, int season) => length - 1 + h - (h + season - 1) / season * season;

    static double SeasonalNaiveAt(ReadOnlySpan<double> history, int h, SeriesGrain grain, double lastKnown)
    {
        if (grain == SeriesGrain.Weekly && history.Length < WeeksPerYear)
            return lastKnown;
        var season = grain == SeriesGrain.Daily ? DaysPerWeek : WeeksPerYear;
        for (var t = LatestSamePeriod(history.Length, h, season); t >= 0; t -= season)
            if (!double.IsNaN(history[t]))
                return history[t];
        return lastKnown;
    }
}
