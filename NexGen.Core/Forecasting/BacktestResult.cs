using NexGen.Core.Forecasting.Evaluation;

namespace NexGen.Core.Forecasting;

/// <summary>What a backtest measured: overall metrics per model on the same series, cutoffs and horizons, and every series' evaluation.</summary>
public sealed record BacktestResult(
    IReadOnlyList<DateOnly> Cutoffs,
    int Horizon,
    IReadOnlyDictionary<string, AccuracyMetrics> Metrics,
    IReadOnlyDictionary<string, IReadOnlyList<SeriesForecastEvaluation>> Evaluations,
    IntervalCoverage Coverage);
