namespace NexGen.Core.Replenishment;

/// <summary>What one replenishment run decided.</summary>
/// <param name="AsOf">The date stock was taken at.</param>
/// <param name="ForecastRunId">The forecast run read.</param>
/// <param name="PeriodDays">Days per forecast period.</param>
/// <param name="Lines">One line per location x sku, ordered by location then sku (ordinal).</param>
/// <param name="Alerts">Every alert, by severity (critical first), then value at risk (highest first), location, sku and kind.</param>
public sealed record ReplenishmentPlan(
    DateOnly AsOf, long ForecastRunId, int PeriodDays, IReadOnlyList<ReplenishmentLine> Lines, IReadOnlyList<ReplenishmentAlert> Alerts);
