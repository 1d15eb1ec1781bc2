namespace NexGen.Core.Replenishment.Simulation;

/// <summary>
/// "The forecast available at time t" for a policy simulation: a forecast made at an origin (cutoff) from data at or
/// before that origin only. The simulator asks for one every refit interval and uses it until the next, so a forecast
/// made earlier is used later, as it would have been in practice; nothing after the origin may be read.
/// </summary>
public interface IForecastSource
{
    /// <summary>A short description for reports, e.g. "NexGen engine (fasttree, 100 trees)".</summary>
    string Name { get; }

    /// <summary>Forecasts every series of the panel for periods origin + 1 .. origin + horizon.</summary>
    /// <param name="origin">The cutoff: the last period whose data may be used.</param>
    /// <param name="horizon">Periods to forecast, &gt;= 1.</param>
    /// <param name="progress">Phase and fraction done (0..1) of this forecast; may be null.</param>
    /// <param name="cancellationToken">Stops the forecast.</param>
    OriginForecast Forecast(int origin, int horizon, IProgress<(string Phase, double Fraction)>? progress, CancellationToken cancellationToken);
}
