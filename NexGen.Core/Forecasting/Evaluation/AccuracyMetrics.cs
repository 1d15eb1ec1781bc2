namespace NexGen.Core.Forecasting.Evaluation;

/// <summary>
/// Accuracy over every scored point of a set of series forecasts (DOMAIN.md "Forecast accuracy"); error e = forecast -
/// actual. Each value is NaN where it is undefined.
/// </summary>
/// <param name="Mae">Mean |e| in sales units; NaN with no scored point.</param>
/// <param name="Rmse">sqrt(mean e²) in sales units; NaN with no scored point.</param>
/// <param name="Wape">sum |e| / sum actual, a ratio (0.25 = 25 %); NaN when the actuals sum to 0.</param>
/// <param name="Bias">sum e / sum actual, a ratio, positive = over-forecast; NaN when the actuals sum to 0.</param>
/// <param name="Rmsse">
/// Unweighted mean of the series' RMSSE, taken per cutoff and then averaged over cutoffs (WRMSSE with equal weights);
/// series with s_i = 0 or no scored point are left out. Unitless (1 = as good as in-sample one-step naive); NaN when no
/// series has an RMSSE.
/// </param>
/// <param name="Wrmsse">
/// Sales-weighted RMSSE per cutoff (weights normalised to sum 1 over the series with an RMSSE), averaged over cutoffs;
/// a cutoff whose weights sum to 0 is left out. NaN when no cutoff remains.
/// </param>
/// <param name="Series">Number of distinct (location, sku) series evaluated, whether or not any point was scored.</param>
/// <param name="Points">Number of scored (series, cutoff, h) points: those with a known actual.</param>
public sealed record AccuracyMetrics(
    double Mae,
    double Rmse,
    double Wape,
    double Bias,
    double Rmsse,
    double Wrmsse,
    int Series,
    long Points);
