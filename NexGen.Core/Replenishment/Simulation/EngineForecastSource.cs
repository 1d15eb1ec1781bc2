using NexGen.Core.Features;
using NexGen.Core.Forecasting;

namespace NexGen.Core.Replenishment.Simulation;

/// <summary>
/// The NexGen forecasting engine as a simulation's forecaster: each origin is a full <see cref="ForecastEngine"/> run
/// (calibration backtests before the origin, training on data up to it) whose <see cref="ForecastSet.ErrorProfile"/>
/// gives the cumulative errors for empirical safety stock.
/// </summary>
/// <remarks>
/// The error profile holds errors over the first P periods after a cutoff. A review <c>offset</c> periods after the
/// origin uses the forecast for horizons offset + 1 .. offset + P and the profile's errors over P periods, scaled by
/// that forecast: forecasts a few periods older are a little less accurate than the profile says, so a shorter refit
/// interval gives a service level closer to the target.
/// </remarks>
/// <param name="panel">The sales.</param>
/// <param name="options">The engine's settings (trees, model kind, calibration windows); the horizon is set per origin.</param>
public sealed class EngineForecastSource(SalesPanel panel, ForecastEngineOptions options) : IForecastSource
{
    /// <inheritdoc />
    public string Name =>
        $"NexGen engine ({options.Model.Kind.ToString().ToLowerInvariant()}, {options.Model.Trees} trees, {options.CalibrationWindows} calibration window{(options.CalibrationWindows == 1 ? "" : "s")})";

    /// <inheritdoc />
    public OriginForecast Forecast(int origin, int horizon, IProgress<(string Phase, double Fraction)>? progress, CancellationToken cancellationToken)
    {
        var set = new ForecastEngine(panel, options with { Horizon = horizon }).Forecast(origin, progress, cancellationToken);
        return new OriginForecast(origin, horizon, set.Point, new ProfileErrors(set));
    }

    sealed class ProfileErrors(ForecastSet set) : IForecastErrors
    {
        public IReadOnlyList<double> Cumulative(int series, int offset, int periods)
        {
            var scale = set.Scales[series];
            if (set.ErrorProfile is not { } profile || float.IsNaN(scale))
                return [];
            return profile.CumulativeErrors(periods, set.ErrorScales[series], scale);
        }
    }
}
