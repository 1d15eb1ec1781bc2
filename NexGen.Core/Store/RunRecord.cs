namespace NexGen.Core.Store;

/// <summary>A row of the <c>runs</c> table: one forecast, backtest or training run, failed ones included.</summary>
/// <param name="Id">Run id, from the <c>run_ids</c> sequence (increases with every start).</param>
/// <param name="Kind">forecast, backtest or train.</param>
/// <param name="Trigger">What started the run: manual, schedule, api or cli.</param>
/// <param name="Parameters">The run's parameters as JSON.</param>
/// <param name="DataVersion">Identifies the data the run read (for example the latest import id), if known.</param>
/// <param name="Started">When the run started, UTC.</param>
/// <param name="Finished">When the run ended (any outcome), UTC; null while it runs.</param>
/// <param name="Status">running, succeeded, failed or cancelled.</param>
/// <param name="Progress">Fraction done, from 0 to 1; 1 once succeeded.</param>
/// <param name="Phase">What the run is doing now (or was doing when it stopped), for display.</param>
/// <param name="Metrics">The run's metrics as JSON, set when it succeeds.</param>
/// <param name="Error">Why the run failed or was cancelled; "interrupted" when the process died under it.</param>
/// <param name="ModelId">The <c>models</c> row the run used or trained, if any.</param>
public sealed record RunRecord(
    long Id, string Kind, string Trigger, string Parameters, string? DataVersion,
    DateTime Started, DateTime? Finished, string Status, double Progress, string? Phase,
    string? Metrics, string? Error, long? ModelId);
