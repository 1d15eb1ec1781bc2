namespace NexGen.Core.Jobs;

/// <summary>A step of a refresh ended without success; the message says which and why.</summary>
public sealed class RefreshFailedException(string message) : Exception(message);
