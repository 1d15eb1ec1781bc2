using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Core.Catalog;

/// <summary>What the product page shows of replenishment for one location x SKU.</summary>
/// <param name="Run">The latest replenishment run; null when there is none.</param>
/// <param name="Suggestion">The series' line in that run with its explanation and purchase-order line; null when the run
/// did not plan it (no forecast for the series).</param>
/// <param name="Projection">Projected stock from the run's as-of date over the forecast it read (<see cref="StockProjection"/>);
/// empty without a suggestion or stock on hand.</param>
/// <param name="LatestForecastRunId">The latest succeeded forecast run, when it is newer than the one the replenishment run
/// read (the suggestion is then out of date: check stock again); else null.</param>
public sealed record ProductReplenishment(
    ReplenishmentRunRecord? Run,
    StoredSuggestion? Suggestion,
    IReadOnlyList<StockProjectionPoint> Projection,
    long? LatestForecastRunId);
