namespace NexGen.Web.Forecasts;

/// <summary>
/// One model's backtest accuracy as a forecast run recorded it. A value is null when the run did not record it or
/// recorded it as undefined (NaN): "unknown", never 0.
/// </summary>
/// <param name="Mae">Mean absolute error, in sales units.</param>
/// <param name="Rmse">Root mean squared error, in sales units.</param>
/// <param name="Wape">Sum |error| / sum actual, a ratio (0.11 = 11 %).</param>
/// <param name="Bias">Sum error / sum actual, a ratio; positive = over-forecast.</param>
/// <param name="Rmsse">Unweighted mean RMSSE, unitless (1 = as good as one-step naive in-sample).</param>
/// <param name="Wrmsse">Sales-weighted RMSSE, unitless.</param>
/// <param name="Series">Series evaluated.</param>
/// <param name="Points">Scored (series, cutoff, horizon) points.</param>
public sealed record BacktestAccuracy(
    double? Mae,
    double? Rmse,
    double? Wape,
    double? Bias,
    double? Rmsse,
    double? Wrmsse,
    long? Series,
    long? Points);
