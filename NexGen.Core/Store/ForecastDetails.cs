using NexGen.Core.Forecasting;

namespace NexGen.Core.Store;

/// <summary>What a forecast run stores beside its forecast rows; every part is optional.</summary>
public sealed record ForecastDetails
{
    /// <summary>The top feature contributions of each series' first forecast period.</summary>
    public IEnumerable<ForecastExplanation> Explanations { get; init; } = [];

    /// <summary>Each forecast series' scale.</summary>
    public IEnumerable<SeriesScale> Scales { get; init; } = [];

    /// <summary>Each series' calibration backtests: forecasts from every calibration origin beside what sold.</summary>
    public IEnumerable<BacktestPoint> Backtests { get; init; } = [];

    /// <summary>The cumulative-error profile of the run's calibration backtests.</summary>
    public ErrorProfile? ErrorProfile { get; init; }

    /// <summary>The total's and each location's interval offsets.</summary>
    public IEnumerable<AggregateInterval> AggregateIntervals { get; init; } = [];
}
