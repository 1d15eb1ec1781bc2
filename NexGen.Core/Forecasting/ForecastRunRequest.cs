namespace NexGen.Core.Forecasting;

/// <summary>A request for a forecast run, from the button, the scheduler, the API or the CLI.</summary>
/// <param name="Horizon">Periods to forecast after the cutoff.</param>
/// <param name="Cutoff">The last period whose data may be used; default the last sales date.</param>
/// <param name="Trigger">manual, schedule, api or cli: recorded with the run.</param>
/// <param name="PromotionTolerance">A new model becomes active when its backtest WRMSSE is at most the active one's x (1 + tolerance).</param>
public sealed record ForecastRunRequest(
    int Horizon,
    DateOnly? Cutoff = null,
    string Trigger = "manual",
    int CalibrationWindows = 2,
    GlobalModelOptions? Model = null,
    double PromotionTolerance = 0)
{
    /// <summary>
    /// True (the default): backtest, train a new model and forecast with it. False: forecast with the active model
    /// (its intervals and error profile come from the run that trained it); when there is none, or it cannot serve
    /// this data (other features, a shorter horizon), the run trains instead and its phase says why.
    /// </summary>
    public bool Retrain { get; init; } = true;
}
