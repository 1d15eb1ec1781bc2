namespace NexGen.Core.Forecasting;

/// <summary>A forecast run was requested while another is running; the caller refuses (409) or waits.</summary>
public sealed class RunInProgressException(long runId)
    : Exception($"Forecast run #{runId} is in progress; wait for it to finish or cancel it.")
{
    public long RunId => runId;
}
