namespace NexGen.Core.Forecasting.Baselines;

/// <summary>The Syntetos-Boylan classification of one history, with the two statistics it rests on.</summary>
/// <param name="Class">Smooth, erratic, intermittent or lumpy.</param>
/// <param name="Adi">
/// Average demand interval in periods: mean number of periods between non-zero demands, the first interval counted
/// from the start of the history (so it equals the index of the last non-zero demand + 1 over their count, NaN periods
/// left out). 1 means demand every period; <see cref="double.PositiveInfinity"/> when there is no non-zero demand.
/// </param>
/// <param name="Cv2">
/// Squared coefficient of variation of the non-zero demand sizes, (population standard deviation / mean)²; 0 when
/// there are fewer than two non-zero demands.
/// </param>
public sealed record DemandPattern(DemandClass Class, double Adi, double Cv2);
