using NexGen.Core.Store;

namespace NexGen.Core.Jobs;

/// <summary>How a refresh ended: its run record and whether a failure is worth retrying.</summary>
public sealed record RefreshResult(RunRecord Run, bool Transient);
