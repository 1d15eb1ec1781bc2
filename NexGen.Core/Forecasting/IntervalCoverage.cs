namespace NexGen.Core.Forecasting;

/// <summary>
/// Empirical coverage of the quantile forecasts on the scored points of a backtest: for each level the share of
/// actuals at or below that quantile (nominal: the level itself), and the share inside the central interval
/// between the lowest and the highest level below 0.95 (p10-p90 by default: nominal 0.80).
/// </summary>
public sealed record IntervalCoverage(IReadOnlyDictionary<double, double> Levels, double Lower, double Upper, double Central, long Points);
