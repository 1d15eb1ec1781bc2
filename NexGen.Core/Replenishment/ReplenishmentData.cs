namespace NexGen.Core.Replenishment;

/// <summary>The input of one replenishment run: every series of the active forecast with its stock and history.</summary>
/// <param name="AsOf">The date stock is taken at; forecasts after it are the future.</param>
/// <param name="ForecastRunId">The forecast run read (the latest that succeeded).</param>
/// <param name="PeriodDays">Days per forecast period: 1 (daily) or 7 (weekly).</param>
/// <param name="Series">One entry per location x sku of the forecast, ordered by location then sku (ordinal).</param>
/// <param name="ErrorProfile">The forecast run's cumulative-error profile for empirical safety stock; null when it stored none.</param>
public sealed record ReplenishmentData(DateOnly AsOf, long ForecastRunId, int PeriodDays, IReadOnlyList<SeriesData> Series,
    Forecasting.ErrorProfile? ErrorProfile = null);
