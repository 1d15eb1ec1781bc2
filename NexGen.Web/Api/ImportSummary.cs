using NexGen.Core.Store;

namespace NexGen.Web.Api;

/// <summary>One import of the history, without its report.</summary>
/// <param name="Status">succeeded, rejected, failed or cancelled.</param>
public sealed record ImportSummary(long Id, string Kind, string FileName, string? Sha256, long Rows, long Warnings,
    DateTime Started, DateTime? Finished, string Status)
{
    public static ImportSummary From(ImportAudit audit) =>
        new(audit.Id, audit.Kind, audit.FileName, audit.Sha256, audit.Rows, audit.Warnings, audit.Started, audit.Finished, audit.Status);
}
