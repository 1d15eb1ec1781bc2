using NexGen.Core.Forecasting.Evaluation;

namespace NexGen.Core.Replenishment;

/// <summary>
/// The three safety-stock formulas (DOMAIN.md "Inventory"). Quantities are in sales units, time in periods of the
/// data's grain, service levels are cycle service levels (share of replenishment cycles without a stock-out).
/// </summary>
public static class SafetyStock
{
    /// <summary>
    /// Normal approximation: SS = z_a * sqrt(P * sd_d^2 + d^2 * sd_L^2). Assumes demand per period independent and
    /// normal, and lead time independent of demand.
    /// </summary>
    /// <param name="serviceLevel">Cycle service level a as a probability in (0, 1), e.g. 0.95.</param>
    /// <param name="meanDemand">d: mean demand per period, in units.</param>
    /// <param name="demandSd">sd_d: standard deviation of demand (or of forecast error) per period, in units.</param>
    /// <param name="protectionPeriods">P: periods the stock must protect (L + R for periodic review, L for continuous).</param>
    /// <param name="leadTimeSd">sd_L: standard deviation of the lead time, in periods; 0 for a fixed lead time.</param>
    /// <returns>Safety stock in units (negative below a service level of 0.5, where z is negative).</returns>
    public static double Normal(double serviceLevel, double meanDemand, double demandSd, double protectionPeriods, double leadTimeSd = 0)
    {
        RequireNonNegative(meanDemand, nameof(meanDemand));
        RequireNonNegative(demandSd, nameof(demandSd));
        RequireNonNegative(protectionPeriods, nameof(protectionPeriods));
        RequireNonNegative(leadTimeSd, nameof(leadTimeSd));
        var z = ServiceLevels.Z(serviceLevel);
        return z * Math.Sqrt(protectionPeriods * demandSd * demandSd + meanDemand * meanDemand * leadTimeSd * leadTimeSd);
    }

    /// <summary>
    /// Empirical: the a-quantile of the cumulative forecast error over the protection period, so that D_P + SS is the
    /// a-quantile of demand over P. With n errors this is the ceil((n + 1) a)-th smallest, clamped to n (the
    /// split-conformal rule, <see cref="Conformal.Quantile"/>), floored at 0.
    /// </summary>
    /// <param name="cumulativeErrors">
    /// Cumulative errors actual - forecast over the protection period, one per backtest window, in units; NaN ignored.
    /// </param>
    /// <param name="serviceLevel">Cycle service level a as a probability in (0, 1), e.g. 0.95.</param>
    /// <returns>Safety stock in units, at least 0.</returns>
    /// <exception cref="ArgumentException">No (non-NaN) error: there is nothing to take a quantile of.</exception>
    public static double Empirical(IReadOnlyList<double> cumulativeErrors, double serviceLevel)
    {
        ArgumentNullException.ThrowIfNull(cumulativeErrors);
        ServiceLevels.Validate(serviceLevel, nameof(serviceLevel));
        if (!cumulativeErrors.Any(e => !double.IsNaN(e)))
            throw new ArgumentException("Empirical safety stock needs at least one backtest error.", nameof(cumulativeErrors));
        return Math.Max(0, Conformal.Quantile(cumulativeErrors, serviceLevel));
    }

    /// <summary>From the forecast's quantiles: SS = q_a(D_P) - mean(D_P), floored at 0.</summary>
    /// <param name="demandQuantile">q_a(D_P): the forecast's a-quantile of demand over the protection period, in units.</param>
    /// <param name="meanDemand">mean(D_P): the forecast's mean (or p50) demand over the same period, in units.</param>
    /// <returns>Safety stock in units, at least 0.</returns>
    public static double FromQuantile(double demandQuantile, double meanDemand)
    {
        RequireFinite(demandQuantile, nameof(demandQuantile));
        RequireFinite(meanDemand, nameof(meanDemand));
        return Math.Max(0, demandQuantile - meanDemand);
    }

    static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number >= 0.");
    }

    static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number.");
    }
}
