namespace NexGen.Core.Store;

/// <summary>
/// One period of a series' calibration backtest in a forecast run: the forecast made at <paramref name="Origin"/> (the
/// last period of the history it saw) for <paramref name="Date"/>, in units per period, beside what sold.
/// </summary>
/// <param name="Actual">Units sold; null when not scored (a stock-out period).</param>
/// <param name="Forecast">The global model's forecast from the origin.</param>
/// <param name="Naive">Seasonal naive's forecast from the same origin; null when it had none.</param>
public sealed record BacktestPoint(string Location, string Sku, DateOnly Origin, DateOnly Date, double? Actual, double Forecast, double? Naive);
