namespace NexGen.Core.Replenishment.Simulation;

/// <summary>
/// A forecast made at <paramref name="Origin"/>: point forecasts of every series for periods origin + 1 .. origin +
/// horizon, in units, indexed <c>[series * Horizon + h - 1]</c> (NaN for series that start after the origin), and the
/// cumulative forecast errors that size empirical safety stock.
/// </summary>
/// <param name="Origin">The cutoff: the last period whose data the forecast used.</param>
/// <param name="Horizon">Periods forecast after the origin.</param>
/// <param name="Point">Point forecasts in units, series-major.</param>
/// <param name="Errors">Cumulative errors from backtests made at or before the origin.</param>
public sealed record OriginForecast(int Origin, int Horizon, float[] Point, IForecastErrors Errors);
