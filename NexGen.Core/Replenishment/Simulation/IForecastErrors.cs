namespace NexGen.Core.Replenishment.Simulation;

/// <summary>
/// Cumulative forecast errors (actual - forecast, in units) from backtests at or before a forecast's origin, the input
/// of <see cref="EmpiricalSafetyStock"/>: their a-quantile added to the forecast over the same periods gives the
/// a-quantile of demand over them.
/// </summary>
public interface IForecastErrors
{
    /// <summary>
    /// Errors of one series summed over horizons <paramref name="offset"/> + 1 .. <paramref name="offset"/> +
    /// <paramref name="periods"/> after an origin, one per backtest origin; empty when there is no backtest.
    /// </summary>
    /// <param name="series">The series' index in the panel.</param>
    /// <param name="offset">Periods between the forecast's origin and the review that uses it, &gt;= 0.</param>
    /// <param name="periods">Periods the errors are summed over, &gt;= 0 (0 gives a single error of 0).</param>
    IReadOnlyList<double> Cumulative(int series, int offset, int periods);
}
