namespace NexGen.Core.Ingestion;

/// <summary>One column of a canonical table.</summary>
/// <param name="Name">Column name in the store and in canonical CSV files.</param>
/// <param name="Type">How the text is parsed.</param>
/// <param name="Required">A file must have the column (or, for location, gets the default location).</param>
/// <param name="IsKey">Part of the table's key: a row with the same key replaces the stored one.</param>
/// <param name="Aliases">Other header names recognised for this column (matched ignoring case, spaces, underscores).</param>
/// <param name="MergeSql">SQL aggregate that combines repeated rows when duplicates are summed; null for key columns.</param>
/// <param name="NonNegative">A negative value is a warning (quantities) rather than plain data.</param>
public sealed record CanonicalColumn(
    string Name,
    ColumnType Type,
    bool Required,
    bool IsKey,
    IReadOnlyList<string> Aliases,
    string? MergeSql = null,
    bool NonNegative = false);
