namespace NexGen.Core.Forecasting.Evaluation;

/// <summary>One series' forecast at one cutoff beside what happened, with what it takes to scale and weight its error.</summary>
/// <param name="Location">Location (store) of the series.</param>
/// <param name="Sku">Item of the series.</param>
/// <param name="Cutoff">Last period of the history the forecast was made from (T).</param>
/// <param name="Actual">
/// Actual sales for h = 1..H, in sales units; NaN = not scored (a censored stock-out period, or beyond the data).
/// </param>
/// <param name="Forecast">Forecast for h = 1..H, same length as <paramref name="Actual"/>, in sales units.</param>
/// <param name="Scale">
/// s_i, the in-sample one-step naive mean squared error in squared sales units (<see cref="Accuracy.NaiveScale"/>);
/// 0 leaves the series out of RMSSE and WRMSSE.
/// </param>
/// <param name="Weight">
/// The series' sales over the last H periods up to the cutoff, negatives clipped to 0 (<see cref="Accuracy.SalesWeight"/>);
/// normalised per cutoff for WRMSSE.
/// </param>
public sealed record SeriesForecastEvaluation(
    string Location,
    string Sku,
    DateOnly Cutoff,
    double[] Actual,
    double[] Forecast,
    double Scale,
    double Weight);
