namespace NexGen.Web.Api;

/// <summary>The body of <c>POST /runs</c>.</summary>
/// <param name="Kind">forecast or backtest.</param>
/// <param name="Horizon">Periods to forecast, 1 to 400.</param>
/// <param name="Cutoff">Last date whose data may be used (yyyy-MM-dd); default the last sales date (forecast) or the horizon before it (backtest).</param>
/// <param name="Windows">Backtest only: rolling-origin windows, 1 to 20; default 1.</param>
public sealed record RunRequestBody(string? Kind, int? Horizon, string? Cutoff, int? Windows, bool? Retrain = null);
