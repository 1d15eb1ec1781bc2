namespace NexGen.Core.Forecasting;

/// <summary>
/// The distribution of cumulative forecast error over the first P periods after a cutoff, for P = 1 .. horizon, from
/// the calibration backtests of a forecast run: what empirical safety stock needs (DOMAIN.md: SS = the a-quantile of
/// the cumulative forecast error over P, so that D_P + SS is the a-quantile of demand over P).
/// </summary>
/// <remarks>
/// A series has too few backtest windows for a quantile of its own, so errors are pooled over similar series, each
/// normalised by the series' own error level, as the prediction intervals are: e_P = sum(actual - forecast) / (sigma x P),
/// with sigma the series' error scale (<see cref="SeriesErrorScale"/>, units per period). Series are similar when their scales fall
/// in the same group (up to <see cref="MaxGroups"/> groups of equal count, split at quantiles of the scale): relative
/// errors of slow, intermittent series are far wider than those of fast movers, and pooling them all would give a fast
/// mover the tail of a slow one. A series' errors in units are its group's e_P times its own normaliser. A window with a
/// stock-out (censored) period or an unknown actual within the first P periods does not count for P. Each P keeps at
/// most <see cref="SampleSize"/> order statistics, evenly spaced in probability; a P without any error takes the
/// errors of the nearest shorter one.
/// </remarks>
public sealed class ErrorProfile
{
    /// <summary>Order statistics kept per group and number of periods.</summary>
    public const int SampleSize = 1000;

    /// <summary>At most this many scale groups.</summary>
    public const int MaxGroups = 4;

    /// <summary>A group needs this many one-period errors (series x windows) on average, or there are fewer groups.</summary>
    public const int MinErrorsPerGroup = 200;

    /// <summary>
    /// The errors of series whose scale is at least <paramref name="ScaleFrom"/> (and below the next group's), sorted
    /// ascending, one array per P = 1 .. horizon.
    /// </summary>
    public sealed record Group(double ScaleFrom, IReadOnlyList<double[]> SortedByPeriods);

    /// <summary>Wraps groups ordered by <see cref="Group.ScaleFrom"/>, the first from 0, all with the same horizon.</summary>
    /// <exception cref="ArgumentException">A group or a P has no error, or errors are not sorted or not finite.</exception>
    public ErrorProfile(IReadOnlyList<Group> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0 || groups[0].ScaleFrom != 0)
            throw new ArgumentException("An error profile needs groups, the first from scale 0.", nameof(groups));
        Groups = groups;
        for (var g = 0; g < groups.Count; g++)
        {
            if (g > 0 && !(groups[g].ScaleFrom > groups[g - 1].ScaleFrom))
                throw new ArgumentException("The groups' scales must increase.", nameof(groups));
            if (groups[g].SortedByPeriods.Count != groups[0].SortedByPeriods.Count)
                throw new ArgumentException("Every group must cover the same horizon.", nameof(groups));
            for (var p = 0; p < groups[g].SortedByPeriods.Count; p++)
            {
                var errors = groups[g].SortedByPeriods[p];
                if (errors.Length == 0)
                    throw new ArgumentException($"The error profile has no error for {p + 1} periods.", nameof(groups));
                for (var i = 0; i < errors.Length; i++)
                    if (!double.IsFinite(errors[i]) || (i > 0 && errors[i] < errors[i - 1]))
                        throw new ArgumentException($"The errors for {p + 1} periods must be finite and sorted ascending.", nameof(groups));
            }
        }
    }

    /// <summary>One group for every series: errors sorted ascending, one array per P = 1 .. horizon.</summary>
    public ErrorProfile(IReadOnlyList<double[]> sortedByPeriods) : this([new Group(0, sortedByPeriods)])
    {
    }

    public IReadOnlyList<Group> Groups { get; }

    /// <summary>The longest P the profile covers, in periods.</summary>
    public int Horizon => Groups[0].SortedByPeriods.Count;

    /// <summary>The normalised errors of the group of series with this scale, for P = 1 .. <see cref="Horizon"/>, ascending.</summary>
    public IReadOnlyList<double> Normalised(int periods, double scale = 0) => GroupOf(scale).SortedByPeriods[periods - 1];

    /// <summary>
    /// Builds a profile from pooled normalised errors per P (index P - 1), each with its series' scale: up to
    /// <see cref="MaxGroups"/> scale groups of equal count (fewer when there are under
    /// <see cref="MinErrorsPerGroup"/> one-period errors per group), at most <see cref="SampleSize"/> order statistics per
    /// group and P; null when no P has an error.
    /// </summary>
    public static ErrorProfile? FromErrors(IReadOnlyList<List<(double Scale, double Error)>> errorsByPeriods)
    {
        ArgumentNullException.ThrowIfNull(errorsByPeriods);
        if (errorsByPeriods.All(e => e.Count == 0))
            return null;
        var scales = errorsByPeriods.First(e => e.Count > 0).Select(e => e.Scale).Order().ToArray();
        var bounds = VolumeGroups.Bounds(scales, MinErrorsPerGroup, MaxGroups);
        return new ErrorProfile(bounds.Select((from, g) =>
        {
            var to = g + 1 < bounds.Length ? bounds[g + 1] : double.PositiveInfinity;
            return new Group(from, SortedByPeriods(errorsByPeriods.Select(e => e.Where(x => x.Scale >= from && x.Scale < to).Select(x => x.Error).ToList()).ToList()));
        }).ToList());
    }

    static double[][] SortedByPeriods(IReadOnlyList<List<double>> errorsByPeriods)
    {
        var sorted = new double[errorsByPeriods.Count][];
        for (var p = 0; p < sorted.Length; p++)
            sorted[p] = errorsByPeriods[p].Count == 0 ? p > 0 ? sorted[p - 1] : [] : Thin(errorsByPeriods[p]);
        // Leading periods without errors take those of the first period that has some.
        var first = Array.FindIndex(sorted, s => s.Length > 0);
        for (var p = 0; p < first; p++)
            sorted[p] = sorted[first];
        return sorted;
    }

    /// <summary>The normaliser of a series' cumulative error over P periods: its error scale x P, in units.</summary>
    /// <param name="errorScale">The series' error scale (<see cref="SeriesErrorScale"/>), in units per period.</param>
    /// <param name="periods">P, in periods.</param>
    public static double Normaliser(double errorScale, double periods) => errorScale * periods;

    /// <summary>
    /// The cumulative errors actual - forecast over <paramref name="periods"/> for one series, in units, ascending: the
    /// input of <see cref="Replenishment.EmpiricalSafetyStock"/>, from the group of its scale. A fractional P
    /// interpolates between the order statistics of the whole P on either side; P = 0 gives a single zero.
    /// </summary>
    /// <param name="periods">P in periods, in [0, <see cref="Horizon"/>].</param>
    /// <param name="errorScale">The series' error scale (<see cref="SeriesErrorScale"/>), in units per period.</param>
    /// <param name="scale">The series' mean demand per period, in units (picks its group).</param>
    public IReadOnlyList<double> CumulativeErrors(double periods, double errorScale, double scale)
    {
        if (!(periods >= 0 && periods <= Horizon + 1e-9))
            throw new ArgumentOutOfRangeException(nameof(periods), periods, $"The error profile covers 0 .. {Horizon} periods.");
        if (periods < 1e-9)
            return [0.0];
        var sorted = GroupOf(scale).SortedByPeriods;
        var unit = Normaliser(errorScale, periods);
        var upper = Math.Min(Horizon, (int)Math.Ceiling(periods - 1e-9));
        var lower = Math.Max(0, upper - 1);
        var weight = Math.Clamp(periods - lower, 0, 1);
        var high = sorted[upper - 1];
        var low = lower == 0 ? null : sorted[lower - 1];
        var errors = new double[high.Length];
        for (var i = 0; i < errors.Length; i++)
        {
            // Between P = 0 (no error) and P = 1, and between two whole P, the order statistics move linearly.
            var below = low is null ? 0 : low[(int)((long)i * low.Length / high.Length)];
            errors[i] = (below + weight * (high[i] - below)) * unit;
        }
        Array.Sort(errors);
        return errors;
    }

    Group GroupOf(double scale)
    {
        var group = Groups[0];
        foreach (var g in Groups)
            if (scale >= g.ScaleFrom)
                group = g;
        return group;
    }

    static double[] Thin(List<double> errors)
    {
        var sorted = errors.ToArray();
        Array.Sort(sorted);
        if (sorted.Length <= SampleSize)
            return sorted;
        // The k-th kept value is the ceil((n + 1) k / (SampleSize + 1))-th smallest: the conformal quantile
        // (Conformal.Quantile's upper rule) at k / (SampleSize + 1), so a quantile of the kept values matches that of
        // all of them to within 1 / SampleSize.
        var n = sorted.Length;
        return [.. Enumerable.Range(1, SampleSize).Select(k => sorted[Math.Min(n, (int)Math.Ceiling((double)(n + 1) * k / (SampleSize + 1) - 1e-9)) - 1])];
    }
}
