namespace NexGen.Core.Forecasting;

/// <summary>
/// One quantile of an aggregate's forecast (every series of a location, or all series), relative to the aggregate's
/// point forecast: the aggregate's p-quantile is its summed point forecast x (1 + <paramref name="Offset"/>), floored at
/// 0. Calibrated on the aggregate's own calibration errors, not by adding series quantiles (medians do not add up,
/// and series' errors partly cancel out).
/// </summary>
/// <param name="Location">The location whose series are summed; null for all series (the total).</param>
/// <param name="Level">Quantile level as a probability, e.g. 0.9.</param>
/// <param name="Offset">The conformal quantile of (actual - forecast) / forecast of the aggregate, less its trimmed mean.</param>
public sealed record AggregateInterval(string? Location, double Level, double Offset)
{
    /// <summary>The aggregate's quantile for a summed point forecast, in units.</summary>
    public double Apply(double forecast) => Math.Max(0, forecast * (1 + Offset));
}
