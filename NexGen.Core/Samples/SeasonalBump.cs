namespace NexGen.Core.Samples;

/// <summary>
/// A Gaussian bump in yearly demand centred on a day of the year: at the centre demand is (1 + amplitude) times the
/// level, half a width away about (1 + 0.88 amplitude). A negative amplitude is a trough.
/// </summary>
internal sealed record SeasonalBump(int Month, int Day, double WidthDays, double Amplitude);
