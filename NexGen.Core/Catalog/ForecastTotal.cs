namespace NexGen.Core.Catalog;

/// <summary>
/// One forecast period of an aggregate (all series, or one location's): the sum of the series' point forecasts (what
/// orders are based on) and the aggregate's own p10-p90 interval, calibrated on its own backtest errors
/// (<see cref="Forecasting.AggregateInterval"/>); the interval is null when the run stored none.
/// </summary>
/// <param name="Date">The period's date.</param>
/// <param name="Forecast">Sum of the series' point forecasts, in units.</param>
/// <param name="P10">The aggregate's 10th percentile, in units.</param>
/// <param name="P90">The aggregate's 90th percentile, in units.</param>
public sealed record ForecastTotal(DateOnly Date, double Forecast, double? P10, double? P90);
