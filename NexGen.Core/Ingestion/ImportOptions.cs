namespace NexGen.Core.Ingestion;

/// <summary>Choices an import makes; the defaults suit most files.</summary>
public sealed record ImportOptions
{
    public DuplicateKeyPolicy Duplicates { get; init; } = DuplicateKeyPolicy.Sum;

    public DateOrder DateOrder { get; init; } = DateOrder.Auto;

    /// <summary>Location given to rows of a file without a location column.</summary>
    public string DefaultLocation { get; init; } = NexGenOptions.DefaultLocationName;

    /// <summary>
    /// Products, inventory and locations: replace each stored row with the file's whole row, clearing the attributes
    /// the file does not carry. Off by default: an import updates the columns the file has and keeps the others.
    /// </summary>
    public bool ReplaceRows { get; init; }

    /// <summary>The longest record (a row, or the header), in bytes: a longer one stops the import (a hostile or broken file).</summary>
    public int MaxRecordBytes { get; init; } = NexGenOptions.DefaultMaxRecordBytes;

    /// <summary>The most columns a file's header may have.</summary>
    public int MaxColumns { get; init; } = NexGenOptions.DefaultMaxColumns;

    /// <summary>The most bytes a gzip file may decompress to: a larger one stops the import (a gzip bomb).</summary>
    public long MaxDecompressedBytes { get; init; } = NexGenOptions.DefaultMaxDecompressedBytes;

    /// <summary>Problems kept in the report per severity; every problem is counted.</summary>
    public int MaxReportedIssues { get; init; } = 100;
}
