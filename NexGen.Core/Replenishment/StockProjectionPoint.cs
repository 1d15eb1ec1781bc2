namespace NexGen.Core.Replenishment;

/// <summary>Projected stock at the end of one forecast period. Quantities in units.</summary>
/// <param name="Date">The period's date (the as-of date for the starting point).</param>
/// <param name="Forecast">Forecast demand of the period (0 for the starting point).</param>
/// <param name="WithoutOrder">On hand minus the cumulative forecast up to and including the period; negative = demand not met.</param>
/// <param name="WithOrder">The same plus the suggested order once it has arrived.</param>
public sealed record StockProjectionPoint(DateOnly Date, double Forecast, double WithoutOrder, double WithOrder);
