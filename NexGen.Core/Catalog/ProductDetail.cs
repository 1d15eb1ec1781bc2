using NexGen.Core.Ingestion;
using NexGen.Core.Store;

namespace NexGen.Core.Catalog;

/// <summary>Everything the product page shows of one location x SKU.</summary>
/// <param name="Facts">Product and inventory facts.</param>
/// <param name="Grain">The sales grain (daily or weekly); null before any sales import.</param>
/// <param name="History">Units sold per period, oldest first (only periods with a sales row).</param>
/// <param name="Run">The latest succeeded forecast run, if any.</param>
/// <param name="Forecast">The series' forecast in <paramref name="Run"/>, by date; empty when the run did not forecast it.</param>
/// <param name="Explanations">The features that moved the series' first forecast period most, by rank.</param>
public sealed record ProductDetail(
    ProductFacts Facts,
    SalesGrain? Grain,
    IReadOnlyList<SalesPoint> History,
    RunRecord? Run,
    IReadOnlyList<ForecastRow> Forecast,
    IReadOnlyList<ForecastExplanation> Explanations);
