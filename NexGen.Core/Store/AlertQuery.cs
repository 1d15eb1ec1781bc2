using NexGen.Core.Replenishment;

namespace NexGen.Core.Store;

/// <summary>One page of a replenishment run's alerts, in rank order (value at risk, highest first).</summary>
/// <param name="Location">Only this location; null = all.</param>
/// <param name="Severity">Only this severity; null = all.</param>
/// <param name="Page">Zero-based page number.</param>
/// <param name="PageSize">Rows per page, 1 to 1,000.</param>
public sealed record AlertQuery(string? Location = null, AlertSeverity? Severity = null, int Page = 0, int PageSize = 25);
