using NexGen.Core.Store;

namespace NexGen.Core.Catalog;

/// <summary>What the latest succeeded forecast run expects over its first 4 weeks (28 days).</summary>
/// <param name="Run">The run; its metrics hold the backtest accuracy of each model.</param>
/// <param name="Units">Units forecast (the point forecast summed over the series).</param>
/// <param name="Value">Units forecast x the product's unit price; null when no price is known.</param>
/// <param name="From">First forecast date; null when the run has no forecast for the chosen location.</param>
/// <param name="To">Last forecast date within the 4 weeks.</param>
public sealed record ForecastKpi(RunRecord Run, double Units, double? Value, DateOnly? From, DateOnly? To);
