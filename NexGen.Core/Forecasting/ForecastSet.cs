using NexGen.Core.Features;

namespace NexGen.Core.Forecasting;

/// <summary>
/// Forecasts of every series for periods cutoff + 1 .. cutoff + horizon, in units: the point forecast and one array
/// per quantile level, indexed <c>[series * Horizon + h - 1]</c>; NaN for series that start after the cutoff.
/// <see cref="Scales"/> holds each series' mean demand per period at the cutoff (units; NaN when not forecast), the unit
/// of its intervals and of <see cref="ErrorProfile"/>, which is null when no calibration window had actuals.
/// <see cref="Intervals"/> is the intervals' calibration (per volume group, level and horizon, the residual quantile in
/// units of each series' error scale), kept with the model so it can forecast again later.
/// </summary>
public sealed record ForecastSet(
    SalesPanel Panel,
    int Cutoff,
    int Horizon,
    float[] Point,
    IReadOnlyList<double> Levels,
    float[][] Quantiles,
    string[] Model,
    GlobalDemandModel Trained,
    IReadOnlyDictionary<string, Evaluation.AccuracyMetrics> CalibrationMetrics,
    ForecastBreakdown?[] Explanations,
    GlobalModelOptions Settings,
    float[] Scales,
    ErrorProfile? ErrorProfile,
    Store.ModelIntervals Intervals)
{
    public DateOnly CutoffDate => Panel.DateOf(Cutoff);

    /// <summary>The learner and loss of the global model (<see cref="Settings"/> are all the settings it was trained with).</summary>
    public ModelKind Kind => Settings.Kind;

    /// <summary>
    /// The chosen model's calibration backtests, one per series and calibration origin (none when the run predicted
    /// with a stored model), and seasonal naive's from the same origins.
    /// </summary>
    public IReadOnlyList<Evaluation.SeriesForecastEvaluation> Backtests { get; init; } = [];

    /// <inheritdoc cref="Backtests"/>
    public IReadOnlyList<Evaluation.SeriesForecastEvaluation> NaiveBacktests { get; init; } = [];

    /// <summary>Each series' error scale at the cutoff, in units per period (NaN when not forecast): the unit of its intervals and error profile.</summary>
    public float[] ErrorScales { get; init; } = [];

    /// <summary>The total's and each location's interval, calibrated on their own errors (none without calibration).</summary>
    public IReadOnlyList<AggregateInterval> AggregateIntervals { get; init; } = [];

    public IEnumerable<int> ForecastSeries => Panel.Series.Where(s => s.First <= Cutoff).Select(s => s.Index);
}
