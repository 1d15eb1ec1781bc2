namespace NexGen.Core.Ingestion;

/// <summary>
/// What the start of a file says before anything is imported: how it is written (separator, encoding, line endings,
/// gzip), its first rows, which canonical column each header maps to, how its dates read, and for sales the grain of
/// the rows read. Made by <see cref="CsvPreviewer"/>; the upload page's mapping step shows it and lets the user
/// change the mapping, which <see cref="ToMapping"/> turns into the <see cref="ColumnMapping"/> of the import.
/// </summary>
public sealed record CsvPreview
{
    /// <summary>The label of a wide exogenous file's variable columns in <see cref="Mapping"/>: each non-empty cell becomes a value.</summary>
    public const string Variable = "variable";

    /// <summary>Issue codes about the columns themselves: a file with one of them cannot be imported as mapped.</summary>
    public static readonly IReadOnlySet<string> MappingCodes = new HashSet<string> { "missing_column", "ambiguous_header", "bad_mapping" };

    public required DataKind Kind { get; init; }

    public required string FileName { get; init; }

    public required CsvDialect Dialect { get; init; }

    /// <summary>The header line's names, in file order.</summary>
    public required IReadOnlyList<string> Headers { get; init; }

    /// <summary>The first rows, each with one value per header ("" where the row is short).</summary>
    public required IReadOnlyList<CsvPreviewRow> Rows { get; init; }

    /// <summary>
    /// Per header, in file order: the canonical column it maps to, <see cref="ColumnMapping.Ignore"/> when it is not
    /// read, or <see cref="Variable"/> for a wide exogenous file's variable columns.
    /// </summary>
    public required IReadOnlyList<string> Mapping { get; init; }

    /// <summary>Problems with the columns (a required one missing, two candidates, a bad mapping) and with the dates of the rows read.</summary>
    public IReadOnlyList<ImportIssue> Issues { get; init; } = [];

    /// <summary>Data rows read to detect the date format and the grain (the first few thousand).</summary>
    public long RowsScanned { get; init; }

    /// <summary>The rows read are the whole file.</summary>
    public bool WholeFile { get; init; }

    /// <summary>How the dates of the rows read are written, e.g. <c>dd/MM/yyyy</c>; null when no date was read.</summary>
    public string? DateFormat { get; init; }

    /// <summary>Every date read is valid day-first and month-first, and the date order is Auto: the user should choose.</summary>
    public bool DatesAmbiguous { get; init; }

    /// <summary>The date that settled the day/month order, e.g. <c>'25/01/2024' at line 4</c>.</summary>
    public string? DateEvidence { get; init; }

    /// <summary>For sales: the grain of the rows read (<c>weekly (Friday)</c>, <c>daily</c>); null when unknown.</summary>
    public string? Grain { get; init; }

    /// <summary>The table has a location column, the file maps none, and rows go to the default location.</summary>
    public bool UsesDefaultLocation { get; init; }

    /// <summary>The table's repeated keys can be summed (sales, inventory, exogenous); otherwise they are always errors.</summary>
    public bool CanSumDuplicates => CanonicalTables.For(Kind).CanSumDuplicates;

    /// <summary>The canonical columns of the kind's table, for the mapping choices.</summary>
    public IReadOnlyList<CanonicalColumn> Columns => CanonicalTables.For(Kind).Columns;

    /// <summary>No problem with the columns: the import can start (problems in the values are the import's to report).</summary>
    public bool CanImport => !Issues.Any(i => i.Severity == IssueSeverity.Error && MappingCodes.Contains(i.Code));

    /// <summary>
    /// The mapping shown, as an explicit <see cref="ColumnMapping"/> of every header (canonical column or
    /// <see cref="ColumnMapping.Ignore"/>; a wide file's variables stay unmapped): the import reads exactly what the preview showed.
    /// </summary>
    public ColumnMapping ToMapping() => ToMapping(Headers, Mapping);

    /// <summary>Builds the explicit mapping of <paramref name="headers"/> from per-header choices (see <see cref="Mapping"/>).</summary>
    public static ColumnMapping ToMapping(IReadOnlyList<string> headers, IReadOnlyList<string> choices)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count && i < choices.Count; i++)
            if (choices[i] != Variable && headers[i].Length > 0)
                map.TryAdd(headers[i], choices[i]);
        return new ColumnMapping(map);
    }
}

/// <summary>One data row of a preview: its line in the file (the header is line 1) and its values, one per header.</summary>
public sealed record CsvPreviewRow(long Line, IReadOnlyList<string> Values);
