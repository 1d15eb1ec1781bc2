namespace NexGen.Core.Forecasting;

/// <summary>How a forecast is made: the global model's settings, the horizon, and how its intervals are calibrated.</summary>
public sealed record ForecastEngineOptions
{
    /// <summary>Periods forecast after the cutoff.</summary>
    public required int Horizon { get; init; }

    /// <summary>
    /// Backtest windows before the cutoff whose residuals calibrate the intervals (split conformal). Their cutoffs are
    /// <see cref="Horizon"/> / windows periods apart, the latest one step before the cutoff; only targets at or before
    /// the cutoff are scored, so nothing after the cutoff is used.
    /// </summary>
    public int CalibrationWindows { get; init; } = 2;

    /// <summary>Quantile levels of the forecast, as probabilities.</summary>
    public IReadOnlyList<double> Levels { get; init; } = [0.1, 0.5, 0.9, 0.95];

    public GlobalModelOptions Model { get; init; } = new();

    /// <summary>
    /// A series is forecast with a baseline instead of the global model only when the baseline's calibration error
    /// is lower by at least this fraction (0.3 = 30 % lower; chosen on the Walmart backtest, where 0.1 switched too
    /// many series and lost to the global model alone); 1 turns selection off.
    /// </summary>
    public double SelectionMargin { get; init; } = 0.3;
}
