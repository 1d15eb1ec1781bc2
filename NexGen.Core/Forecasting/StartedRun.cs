using NexGen.Core.Store;

namespace NexGen.Core.Forecasting;

/// <summary>A run that has been recorded and is going on: its id, and a task that ends with its final record.</summary>
public sealed record StartedRun(long Id, Task<RunRecord> Completion);
