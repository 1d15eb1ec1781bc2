namespace NexGen.Core.Forecasting;

/// <summary>Where a running forecast is: its run id, phase and fraction done (0..1).</summary>
public sealed record RunProgress(long RunId, string Phase, double Fraction);
