namespace NexGen.Core.Forecasting.Evaluation;

/// <summary>
/// Split-conformal quantiles (DOMAIN.md "Prediction intervals"): the p-quantile forecast is forecast + Q_p(r), with r =
/// actual - forecast from backtests, and its empirical coverage on windows not used to fit the residuals.
/// </summary>
public static class Conformal
{
    // (n + 1) p is often meant to be a whole number but lands a rounding error off it (n = 99, p = 0.55 gives
    // 55.00000000000001), which would move ceil/floor one rank too far.
    const double RankTolerance = 1e-9;

    /// <summary>
    /// The p-quantile of residuals with the finite-sample rule: for upper quantiles (p &gt;= 0.5) the ceil((n + 1) p)-th
    /// smallest, clamped to n; for lower quantiles (p &lt; 0.5) the floor((n + 1) p)-th smallest, clamped to at least 1.
    /// The rounding is away from the median, so both tails keep at least their nominal coverage.
    /// </summary>
    /// <param name="residuals">Residuals in any order, in the units they were pooled in; NaN ignored. Not modified.</param>
    /// <param name="p">Quantile level as a probability, in [0, 1], e.g. 0.9.</param>
    /// <returns>The chosen residual; 0 when there is no (non-NaN) residual.</returns>
    public static double Quantile(IReadOnlyList<double> residuals, double p)
    {
        ArgumentNullException.ThrowIfNull(residuals);
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile level must lie in [0, 1].");
        var sorted = new double[residuals.Count];
        var n = 0;
        for (var i = 0; i < sorted.Length; i++)
            if (!double.IsNaN(residuals[i]))
                sorted[n++] = residuals[i];
        if (n == 0)
            return 0;
        Array.Sort(sorted, 0, n);
        var position = (n + 1) * p;
        var rank = p >= 0.5 ? Math.Ceiling(position - RankTolerance) : Math.Floor(position + RankTolerance);
        return sorted[(int)Math.Clamp(rank, 1, n) - 1];
    }

    /// <summary>Empirical coverage of a one-sided level: the share of points with actual &lt;= the quantile forecast.</summary>
    /// <param name="actual">Actual values; NaN (censored) points are not counted.</param>
    /// <param name="upper">The quantile forecast for the same points.</param>
    /// <returns>A share in [0, 1] (compare with p); NaN when no point has a known actual.</returns>
    public static double Coverage(ReadOnlySpan<double> actual, ReadOnlySpan<double> upper)
    {
        if (actual.Length != upper.Length)
            throw new ArgumentException($"{actual.Length} actuals but {upper.Length} quantile forecasts.", nameof(upper));
        var points = 0;
        var covered = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            if (double.IsNaN(actual[i]))
                continue;
            points++;
            if (actual[i] <= upper[i])
                covered++;
        }
        return points == 0 ? double.NaN : (double)covered / points;
    }

    /// <summary>Empirical coverage of an interval: the share of points with lower &lt;= actual &lt;= upper.</summary>
    /// <param name="actual">Actual values; NaN (censored) points are not counted.</param>
    /// <param name="lower">Lower bound per point (e.g. the p10 forecast).</param>
    /// <param name="upper">Upper bound per point (e.g. the p90 forecast).</param>
    /// <returns>A share in [0, 1] (compare with p_upper - p_lower); NaN when no point has a known actual.</returns>
    public static double IntervalCoverage(ReadOnlySpan<double> actual, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        if (actual.Length != lower.Length || actual.Length != upper.Length)
            throw new ArgumentException($"{actual.Length} actuals, {lower.Length} lower and {upper.Length} upper bounds.", nameof(actual));
        var points = 0;
        var covered = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            if (double.IsNaN(actual[i]))
                continue;
            points++;
            if (lower[i] <= actual[i] && actual[i] <= upper[i])
                covered++;
        }
        return points == 0 ? double.NaN : (double)covered / points;
    }
}
