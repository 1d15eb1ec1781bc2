using System.Runtime.InteropServices;

namespace NexGen.Core.Forecasting.Evaluation;

/// <summary>
/// Forecast accuracy per DOMAIN.md "Forecast accuracy": MAE, RMSE, WAPE, bias, RMSSE and WRMSSE. Error e = forecast -
/// actual; a point is scored only where its actual is known (NaN = censored, not scored).
/// </summary>
public static class Accuracy
{
    /// <summary>
    /// s_i, the RMSSE scale: mean of (y_t - y_{t-1})² over the history from the series' first positive sale up to the
    /// cutoff, i.e. the in-sample mean squared error of the one-step naive forecast, in squared sales units.
    /// </summary>
    /// <param name="history">Values per period up to the cutoff, NaN = unknown; a pair with a NaN is skipped.</param>
    /// <returns>0 when there is no pair of consecutive known values from the first sale on.</returns>
    public static double NaiveScale(ReadOnlySpan<double> history) => MeanNaiveStep(history, squared: true);

    /// <summary>
    /// The scale of the scaled pinball loss: mean |y_t - y_{t-1}| over the history from the series' first positive sale
    /// up to the cutoff (the in-sample one-step naive MAE), in sales units; 0 when there is no pair.
    /// </summary>
    public static double NaiveMae(ReadOnlySpan<double> history) => MeanNaiveStep(history, squared: false);

    /// <summary>Mean of |y_t - y_{t-1}| (or its square) from the first positive sale on; pairs with a NaN are skipped.</summary>
    static double MeanNaiveStep(ReadOnlySpan<double> history, bool squared)
    {
        var start = 0;
        while (start < history.Length && !(history[start] > 0))
            start++;
        var sum = 0.0;
        var pairs = 0;
        for (var t = start + 1; t < history.Length; t++)
        {
            var step = history[t] - history[t - 1];
            if (double.IsNaN(step))
                continue;
            sum += squared ? step * step : Math.Abs(step);
            pairs++;
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    /// <summary>The WRMSSE weight of a series: its sales over the last <paramref name="horizon"/> periods up to the cutoff.</summary>
    /// <param name="history">Values per period up to the cutoff, NaN = unknown (skipped).</param>
    /// <param name="horizon">H, the number of trailing periods summed; a shorter history sums all of it.</param>
    /// <returns>sum of max(y, 0), in sales units.</returns>
    public static double SalesWeight(ReadOnlySpan<double> history, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        var sum = 0.0;
        for (var t = Math.Max(0, history.Length - horizon); t < history.Length; t++)
            if (history[t] > 0) // false for NaN and for returns
                sum += history[t];
        return sum;
    }

    /// <summary>RMSSE of one series at one cutoff: sqrt(mean_h e² / s_i) over its scored points. Unitless.</summary>
    /// <returns>NaN when s_i = 0 or no point is scored.</returns>
    /// <exception cref="ArgumentException">Actual and forecast differ in length, or a scored forecast is NaN.</exception>
    public static double Rmsse(SeriesForecastEvaluation series)
    {
        var errors = Score(series);
        return RmsseOf(series, errors);
    }

    /// <summary>
    /// Accuracy over all scored points of all series and cutoffs. MAE, RMSE, WAPE and bias pool every point (series with
    /// s_i = 0 included); RMSSE and WRMSSE are computed per cutoff over the series with s_i &gt; 0 and a scored point
    /// (WRMSSE weights normalised to sum 1 over those series) and then averaged over cutoffs. Enumerates
    /// <paramref name="series"/> once.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A series' actual and forecast differ in length, a scored forecast is NaN, or a weight is negative or NaN.
    /// </exception>
    public static AccuracyMetrics Evaluate(IEnumerable<SeriesForecastEvaluation> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var total = default(Errors);
        var distinct = new HashSet<(string, string)>();
        var cutoffs = new Dictionary<DateOnly, CutoffTotals>();
        foreach (var s in series)
        {
            if (!(s.Weight >= 0))
                throw new ArgumentException($"Series {s.Location}/{s.Sku} at {s.Cutoff:yyyy-MM-dd} has weight {s.Weight}; weights must be 0 or more.", nameof(series));
            var errors = Score(s);
            total.Add(errors);
            distinct.Add((s.Location, s.Sku));
            var rmsse = RmsseOf(s, errors);
            if (double.IsNaN(rmsse))
                continue;
            ref var cutoff = ref CollectionsMarshal.GetValueRefOrAddDefault(cutoffs, s.Cutoff, out _);
            cutoff.Series++;
            cutoff.Rmsse += rmsse;
            cutoff.Weight += s.Weight;
            cutoff.WeightedRmsse += s.Weight * rmsse;
        }

        double rmsseSum = 0, wrmsseSum = 0;
        int rmsseCutoffs = 0, wrmsseCutoffs = 0;
        foreach (var cutoff in cutoffs.Values)
        {
            rmsseSum += cutoff.Rmsse / cutoff.Series;
            rmsseCutoffs++;
            if (cutoff.Weight > 0)
            {
                wrmsseSum += cutoff.WeightedRmsse / cutoff.Weight;
                wrmsseCutoffs++;
            }
        }

        return new AccuracyMetrics(
            Mae: total.Points == 0 ? double.NaN : total.Absolute / total.Points,
            Rmse: total.Points == 0 ? double.NaN : Math.Sqrt(total.Squared / total.Points),
            Wape: total.Actual == 0 ? double.NaN : total.Absolute / total.Actual,
            Bias: total.Actual == 0 ? double.NaN : total.Signed / total.Actual,
            Rmsse: rmsseCutoffs == 0 ? double.NaN : rmsseSum / rmsseCutoffs,
            Wrmsse: wrmsseCutoffs == 0 ? double.NaN : wrmsseSum / wrmsseCutoffs,
            Series: distinct.Count,
            Points: total.Points);
    }

    /// <summary>
    /// RMSSE and MAE per series, pooled over its cutoffs: RMSSE = sqrt(mean of e² / s_i over the points of the cutoffs
    /// with s_i &gt; 0), each error scaled by its own cutoff's s_i; MAE = mean |e| over every scored point.
    /// </summary>
    /// <returns>
    /// One row per (location, sku), ordered by location then sku (ordinal). RMSSE is NaN when no cutoff of the series
    /// has s_i &gt; 0 and a scored point; MAE is NaN when no point is scored.
    /// </returns>
    /// <exception cref="ArgumentException">A series' actual and forecast differ in length, or a scored forecast is NaN.</exception>
    public static IReadOnlyList<(string Location, string Sku, double Rmsse, double Mae)> PerSeries(IEnumerable<SeriesForecastEvaluation> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var totals = new Dictionary<(string, string), SeriesTotals>();
        foreach (var s in series)
        {
            var errors = Score(s);
            ref var t = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, (s.Location, s.Sku), out _);
            t.Points += errors.Points;
            t.Absolute += errors.Absolute;
            if (errors.Points > 0 && s.Scale > 0)
            {
                t.ScaledPoints += errors.Points;
                t.ScaledSquared += errors.Squared / s.Scale;
            }
        }

        var rows = new List<(string Location, string Sku, double Rmsse, double Mae)>(totals.Count);
        foreach (var ((location, sku), t) in totals)
            rows.Add((location, sku,
                t.ScaledPoints == 0 ? double.NaN : Math.Sqrt(t.ScaledSquared / t.ScaledPoints),
                t.Points == 0 ? double.NaN : t.Absolute / t.Points));
        rows.Sort(static (a, b) =>
        {
            var byLocation = string.CompareOrdinal(a.Location, b.Location);
            return byLocation != 0 ? byLocation : string.CompareOrdinal(a.Sku, b.Sku);
        });
        return rows;
    }

    static double RmsseOf(SeriesForecastEvaluation series, Errors errors) =>
        errors.Points == 0 || !(series.Scale > 0) ? double.NaN : Math.Sqrt(errors.Squared / errors.Points / series.Scale);

    static Errors Score(SeriesForecastEvaluation series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var actual = series.Actual;
        var forecast = series.Forecast;
        if (actual.Length != forecast.Length)
            throw new ArgumentException($"Series {series.Location}/{series.Sku} at {series.Cutoff:yyyy-MM-dd} has {actual.Length} actuals but {forecast.Length} forecasts.", nameof(series));
        var errors = default(Errors);
        for (var h = 0; h < actual.Length; h++)
        {
            if (double.IsNaN(actual[h]))
                continue;
            if (double.IsNaN(forecast[h]))
                throw new ArgumentException($"Series {series.Location}/{series.Sku} at {series.Cutoff:yyyy-MM-dd} has no forecast for h = {h + 1}.", nameof(series));
            var e = forecast[h] - actual[h];
            errors.Points++;
            errors.Absolute += Math.Abs(e);
            errors.Squared += e * e;
            errors.Signed += e;
            errors.Actual += actual[h];
        }
        return errors;
    }

    /// <summary>Sums over scored points: count, |e|, e², e and actual.</summary>
    struct Errors
    {
        public long Points;
        public double Absolute, Squared, Signed, Actual;

        public void Add(Errors other)
        {
            Points += other.Points;
            Absolute += other.Absolute;
            Squared += other.Squared;
            Signed += other.Signed;
            Actual += other.Actual;
        }
    }

    struct CutoffTotals
    {
        public int Series;
        public double Rmsse, Weight, WeightedRmsse;
    }

    struct SeriesTotals
    {
        public long Points, ScaledPoints;
        public double Absolute, ScaledSquared;
    }
}
