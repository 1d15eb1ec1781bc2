namespace NexGen.Core.Forecasting;

/// <summary>A run was requested while another of its kind is running; the caller refuses (409) or waits.</summary>
public sealed class RunInProgressException(long runId, string kind = "Forecast")
    : Exception($"{kind} run #{runId} is in progress; wait for it to finish or cancel it.")
{
    public long RunId => runId;
}
