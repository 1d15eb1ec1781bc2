using NexGen.Core.Ingestion;

namespace NexGen.Core.Catalog;

/// <summary>Units sold per period summed over series, then the latest succeeded forecast run's totals.</summary>
/// <param name="Grain">The sales grain (daily or weekly); null when unknown.</param>
/// <param name="History">Units sold per period, by date.</param>
/// <param name="Forecast">The forecast per period, by date; empty without a succeeded forecast run.</param>
public sealed record SalesTrend(SalesGrain? Grain, IReadOnlyList<SalesPoint> History, IReadOnlyList<ForecastTotal> Forecast);
