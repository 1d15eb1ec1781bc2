namespace NexGen.Core.Ingestion;

/// <summary>Choices an import makes; the defaults suit most files.</summary>
public sealed record ImportOptions
{
    public DuplicateKeyPolicy Duplicates { get; init; } = DuplicateKeyPolicy.Sum;

    public DateOrder DateOrder { get; init; } = DateOrder.Auto;

    /// <summary>Location given to rows of a file without a location column.</summary>
    public string DefaultLocation { get; init; } = NexGenOptions.DefaultLocationName;

    /// <summary>Problems kept in the report per severity; every problem is counted.</summary>
    public int MaxReportedIssues { get; init; } = 100;
}
