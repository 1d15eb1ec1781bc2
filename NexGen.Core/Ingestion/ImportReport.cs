namespace NexGen.Core.Ingestion;

/// <summary>
/// What an import (of a file, or of a SQL source's rows) did or why it refused: stored as JSON in the <c>imports</c>
/// table and shown to the user.
/// </summary>
public sealed record ImportReport
{
    public long? ImportId { get; init; }
    public required DataKind Kind { get; init; }
    public required string FileName { get; init; }
    public string? Sha256 { get; init; }
    public required ImportStatus Status { get; init; }

    /// <summary>One sentence: what happened, or the main reason the file was refused.</summary>
    public required string Message { get; init; }

    /// <summary>A failed SQL load that may succeed when retried: the source could not be reached, or timed out.</summary>
    public bool Transient { get; init; }

    public long RowsRead { get; init; }

    /// <summary>Rows written to the store (after summing repeated keys).</summary>
    public long RowsImported { get; init; }

    public long ErrorCount { get; init; }
    public long WarningCount { get; init; }

    /// <summary>Count of every problem by code (e.g. <c>bad_date</c>: 3, <c>negative_quantity</c>: 1017).</summary>
    public IReadOnlyDictionary<string, long> Counts { get; init; } = new Dictionary<string, long>();

    /// <summary>The first problems of each severity, in file order.</summary>
    public IReadOnlyList<ImportIssue> Issues { get; init; } = [];

    public CsvDialect? Dialect { get; init; }

    /// <summary>The date format the file was read with, e.g. <c>yyyy-MM-dd</c> or <c>dd/MM/yyyy</c>.</summary>
    public string? DateFormat { get; init; }

    /// <summary><c>.</c> or <c>,</c>.</summary>
    public string? DecimalSeparator { get; init; }

    /// <summary>File header -> canonical column, for the columns that were used.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Attribute columns (products, inventory, locations) the input did not carry, so stored rows with the same key
    /// kept their values; empty when no stored row had a key of the input or rows were replaced whole
    /// (<see cref="ImportOptions.ReplaceRows"/>).
    /// </summary>
    public IReadOnlyList<string> KeptColumns { get; init; } = [];

    /// <summary>File headers that map to no canonical column and were not read.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>For sales: <c>daily</c> or <c>weekly</c>.</summary>
    public string? Grain { get; init; }

    public long Series { get; init; }
    public DateOnly? FirstDate { get; init; }
    public DateOnly? LastDate { get; init; }

    /// <summary>Series with missing periods between their first and last date, and how many periods are missing in all.</summary>
    public long SeriesWithGaps { get; init; }
    public long MissingPeriods { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>For a load from a SQL source: the source, the SQL sent and the watermark before and after; null for a file.</summary>
    public SourceLoad? Source { get; init; }

    public double RowsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : RowsRead / Elapsed.TotalSeconds;

    public IEnumerable<ImportIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);
    public IEnumerable<ImportIssue> Warnings => Issues.Where(i => i.Severity == IssueSeverity.Warning);
}
