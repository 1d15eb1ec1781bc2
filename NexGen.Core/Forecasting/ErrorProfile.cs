namespace NexGen.Core.Forecasting;

/// <summary>
/// The distribution of cumulative forecast error over the first P periods after a cutoff, for P = 1 .. horizon, from
/// the calibration backtests of a forecast run: what empirical safety stock needs (DOMAIN.md: SS = the a-quantile of
/// the cumulative forecast error over P, so that D_P + SS is the a-quantile of demand over P).
/// </summary>
/// <remarks>
/// A series has too few backtest windows for a quantile of its own, so errors are pooled over series, each normalised
/// by the size of its forecast: e_P = sum(actual - forecast) / (D_P + 0.1 x scale x P), with D_P the forecast over the
/// P periods and scale the series' mean demand per period. A series' errors in units are e_P x its own normaliser, so
/// a large series gets proportionally larger errors than a small one. A window with a stock-out (censored) period or
/// an unknown actual within the first P periods does not count for P. Each P keeps at most <see cref="SampleSize"/>
/// order statistics, evenly spaced in probability; a P without any error takes the errors of the nearest shorter one.
/// </remarks>
public sealed class ErrorProfile
{
    /// <summary>Order statistics kept per number of periods.</summary>
    public const int SampleSize = 1000;

    readonly double[][] _sorted;

    /// <summary>Wraps normalised errors already sorted ascending, one array per P = 1 .. horizon.</summary>
    /// <exception cref="ArgumentException">A P has no error, or its errors are not sorted or not finite.</exception>
    public ErrorProfile(IReadOnlyList<double[]> sortedByPeriods)
    {
        ArgumentNullException.ThrowIfNull(sortedByPeriods);
        _sorted = [.. sortedByPeriods];
        for (var p = 0; p < _sorted.Length; p++)
        {
            var errors = _sorted[p];
            if (errors.Length == 0)
                throw new ArgumentException($"The error profile has no error for {p + 1} periods.", nameof(sortedByPeriods));
            for (var i = 0; i < errors.Length; i++)
                if (!double.IsFinite(errors[i]) || (i > 0 && errors[i] < errors[i - 1]))
                    throw new ArgumentException($"The errors for {p + 1} periods must be finite and sorted ascending.", nameof(sortedByPeriods));
        }
    }

    /// <summary>The longest P the profile covers, in periods.</summary>
    public int Horizon => _sorted.Length;

    /// <summary>The normalised errors for <paramref name="periods"/> = 1 .. <see cref="Horizon"/>, ascending.</summary>
    public IReadOnlyList<double> Normalised(int periods) => _sorted[periods - 1];

    /// <summary>
    /// Builds a profile from pooled normalised errors per P (index P - 1), keeping at most <see cref="SampleSize"/>
    /// order statistics of each; null when no P has an error.
    /// </summary>
    public static ErrorProfile? FromErrors(IReadOnlyList<List<double>> errorsByPeriods)
    {
        ArgumentNullException.ThrowIfNull(errorsByPeriods);
        if (errorsByPeriods.All(e => e.Count == 0))
            return null;
        var sorted = new double[errorsByPeriods.Count][];
        for (var p = 0; p < sorted.Length; p++)
            sorted[p] = errorsByPeriods[p].Count == 0 ? p > 0 ? sorted[p - 1] : [] : Thin(errorsByPeriods[p]);
        // Leading periods without errors take those of the first period that has some.
        var first = Array.FindIndex(sorted, s => s.Length > 0);
        for (var p = 0; p < first; p++)
            sorted[p] = sorted[first];
        return new ErrorProfile(sorted);
    }

    /// <summary>The normaliser of a series' cumulative error over P periods: D_P + 0.1 x scale x P, in units.</summary>
    /// <param name="demand">D_P: the forecast over the P periods, in units.</param>
    /// <param name="scale">The series' mean demand per period, in units.</param>
    /// <param name="periods">P, in periods.</param>
    public static double Normaliser(double demand, double scale, double periods) => Math.Abs(demand) + 0.1 * scale * periods;

    /// <summary>
    /// The cumulative errors actual - forecast over <paramref name="periods"/> for one series, in units, ascending: the
    /// input of <see cref="Replenishment.EmpiricalSafetyStock"/>. A fractional P interpolates between the order
    /// statistics of the whole P on either side; P = 0 gives a single zero.
    /// </summary>
    /// <param name="periods">P in periods, in [0, <see cref="Horizon"/>].</param>
    /// <param name="demand">D_P: the series' forecast over those periods, in units.</param>
    /// <param name="scale">The series' mean demand per period, in units.</param>
    public IReadOnlyList<double> CumulativeErrors(double periods, double demand, double scale)
    {
        if (!(periods >= 0 && periods <= Horizon + 1e-9))
            throw new ArgumentOutOfRangeException(nameof(periods), periods, $"The error profile covers 0 .. {Horizon} periods.");
        if (periods < 1e-9)
            return [0.0];
        var unit = Normaliser(demand, scale, periods);
        var upper = Math.Min(Horizon, (int)Math.Ceiling(periods - 1e-9));
        var lower = Math.Max(0, upper - 1);
        var weight = Math.Clamp(periods - lower, 0, 1);
        var high = _sorted[upper - 1];
        var low = lower == 0 ? null : _sorted[lower - 1];
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
