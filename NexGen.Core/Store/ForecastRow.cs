namespace NexGen.Core.Store;

/// <summary>A row of the <c>forecasts</c> table: one series' forecast for one date, in units sold.</summary>
/// <param name="Forecast">The point forecast, units for the day (or the sales grain's period).</param>
/// <param name="P10">10th percentile of demand, units; null when the model gives no quantiles.</param>
/// <param name="P50">Median demand, units.</param>
/// <param name="P90">90th percentile of demand, units.</param>
/// <param name="P95">95th percentile of demand, units.</param>
/// <param name="Model">Name of the model that produced the row (for example a baseline's name when it stood in).</param>
public sealed record ForecastRow(
    string Location, string Sku, DateOnly Date, double Forecast,
    double? P10, double? P50, double? P90, double? P95, string Model);
