namespace NexGen.Core.Store;

/// <summary>A row of the <c>imports</c> table: the audit of one import, failed ones included.</summary>
/// <param name="Status">succeeded, rejected, failed or cancelled.</param>
/// <param name="Report">The import report as JSON.</param>
public sealed record ImportAudit(
    long Id, string Kind, string FileName, string? Sha256, long Rows, long Warnings,
    DateTime Started, DateTime? Finished, string Status, string Report);
