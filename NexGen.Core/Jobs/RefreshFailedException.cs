namespace NexGen.Core.Jobs;

/// <summary>A step of a refresh ended without success; the message says which and why.</summary>
/// <param name="transient">Whether the step may succeed when retried (a source database unreachable, a timeout).</param>
public sealed class RefreshFailedException(string message, bool transient = false) : Exception(message)
{
    public bool Transient => transient;
}
