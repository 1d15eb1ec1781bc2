namespace NexGen.Core.Forecasting;

/// <summary>
/// How a series' first forecast period is made up, in units of demand per period: <see cref="Base"/> + the
/// <see cref="Contributions"/> + <see cref="EverythingElse"/> = <see cref="Forecast"/>.
/// </summary>
/// <param name="Base">The seasonal base the model corrects (0 for a Tweedie model, which forecasts demand itself).</param>
/// <param name="Contributions">The features that moved the forecast most, largest first.</param>
/// <param name="EverythingElse">The other features, the model's own offset and the floor at zero.</param>
/// <param name="Forecast">The model's forecast.</param>
public sealed record ForecastBreakdown(float Base, IReadOnlyList<(string Feature, float Contribution)> Contributions, float EverythingElse, float Forecast);
