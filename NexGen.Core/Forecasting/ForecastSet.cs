using NexGen.Core.Features;

namespace NexGen.Core.Forecasting;

/// <summary>
/// Forecasts of every series for periods cutoff + 1 .. cutoff + horizon, in units: the point forecast and one array
/// per quantile level, indexed <c>[series * Horizon + h - 1]</c>; NaN for series that start after the cutoff.
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
    IReadOnlyList<(string Feature, float Contribution)>?[] Explanations,
    ModelKind Kind)
{
    public DateOnly CutoffDate => Panel.DateOf(Cutoff);

    public IEnumerable<int> ForecastSeries => Panel.Series.Where(s => s.First <= Cutoff).Select(s => s.Index);
}
