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
/// <param name="BacktestRunId">The latest succeeded forecast run that backtested the series (a predict-only run does not).</param>
/// <param name="Backtests">The series' calibration backtests in that run, by origin then date.</param>
public sealed record ProductDetail(
    ProductFacts Facts,
    SalesGrain? Grain,
    IReadOnlyList<SalesPoint> History,
    RunRecord? Run,
    IReadOnlyList<ForecastRow> Forecast,
    IReadOnlyList<ForecastExplanation> Explanations,
    long? BacktestRunId,
    IReadOnlyList<BacktestPoint> Backtests)
{
    /// <summary>
    /// The series' own backtest error: WAPE (sum |actual - forecast| / sum actual) of the model and of seasonal naive over
    /// the same scored periods (sold, not a stock-out, with a seasonal naive forecast); null without such periods or sales.
    /// </summary>
    public (double? Model, double? Naive, int Periods) BacktestWape
    {
        get
        {
            var scored = Backtests.Where(p => p.Actual is not null && p.Naive is not null).ToList();
            var sold = scored.Sum(p => p.Actual!.Value);
            if (sold <= 0)
                return (null, null, scored.Count);
            return (scored.Sum(p => Math.Abs(p.Actual!.Value - p.Forecast)) / sold,
                scored.Sum(p => Math.Abs(p.Actual!.Value - p.Naive!.Value)) / sold, scored.Count);
        }
    }
}
