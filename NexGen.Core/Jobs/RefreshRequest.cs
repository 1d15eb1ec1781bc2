namespace NexGen.Core.Jobs;

/// <summary>A refresh: load the sources, forecast, replenish, alert.</summary>
/// <param name="Retrain">Train a new model (true) or forecast with the active one (false).</param>
/// <param name="Trigger">schedule, manual or api: recorded with the run.</param>
/// <param name="Horizon">Periods to forecast.</param>
/// <param name="Attempt">1 for the first try, 2.. for retries.</param>
public sealed record RefreshRequest(bool Retrain, string Trigger, int Horizon, int Attempt = 1);
