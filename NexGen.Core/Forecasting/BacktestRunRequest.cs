namespace NexGen.Core.Forecasting;

/// <summary>A request for a recorded backtest run (from the API), scored like the CLI's <c>backtest</c>.</summary>
/// <param name="Horizon">Periods forecast after each cutoff.</param>
/// <param name="Windows">Rolling-origin cutoffs, one horizon apart.</param>
/// <param name="Cutoff">The last cutoff; default the horizon before the last sales date.</param>
/// <param name="Trigger">manual, schedule, api or cli: recorded with the run.</param>
public sealed record BacktestRunRequest(
    int Horizon,
    int Windows = 1,
    DateOnly? Cutoff = null,
    string Trigger = "manual",
    int CalibrationWindows = 2,
    GlobalModelOptions? Model = null);
