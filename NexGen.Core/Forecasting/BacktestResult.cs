using NexGen.Core.Forecasting.Evaluation;

namespace NexGen.Core.Forecasting;

/// <summary>
/// What a backtest measured: overall metrics per model on the same series, cutoffs and horizons, every series'
/// evaluation, the coverage of the series' intervals and that of the total's own interval (one point per cutoff and
/// period: the sum over series with a known actual), and how the quantile forecasts fit each series (NexGen's and the
/// seasonal-naive-quantiles reference's: <see cref="IntervalScore"/>).
/// </summary>
public sealed record BacktestResult(
    IReadOnlyList<DateOnly> Cutoffs,
    int Horizon,
    IReadOnlyDictionary<string, AccuracyMetrics> Metrics,
    IReadOnlyDictionary<string, IReadOnlyList<SeriesForecastEvaluation>> Evaluations,
    IntervalCoverage Coverage,
    IntervalCoverage TotalCoverage,
    IReadOnlyDictionary<string, IntervalScore> IntervalScores);
