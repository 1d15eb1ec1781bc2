namespace NexGen.Core.Forecasting;

/// <summary>A rolling-origin backtest: <paramref name="Windows"/> cutoffs <paramref name="Step"/> periods apart, the last at <paramref name="Cutoff"/>.</summary>
/// <param name="Horizon">Periods forecast after each cutoff.</param>
/// <param name="Step">Periods between cutoffs; default the horizon.</param>
/// <param name="Cutoff">The last cutoff (the last period whose data may be used); default: the horizon before the last date.</param>
public sealed record BacktestOptions(int Windows, int Horizon, int? Step = null, DateOnly? Cutoff = null);
