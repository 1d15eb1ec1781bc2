using CsvHelper;

namespace NexGen.Core.Ingestion;

/// <summary>
/// Reads the start of a file the way the import will, without writing anything: the dialect (<see cref="CsvSniffer"/>),
/// the header matched to the canonical table with the given mapping (the same matching as the import: explicit
/// mapping, canonical name, aliases), the first rows, the date format decided over the rows read (the same
/// <c>DateReader</c> rules, with the chosen date order) and, for sales, the grain of those rows.
/// </summary>
public static class CsvPreviewer
{
    /// <summary>Rows shown.</summary>
    public const int DefaultPreviewRows = 10;

    /// <summary>Rows read for the date format and the grain: enough for a year of weekly dates of many series, fast on any file.</summary>
    public const int DefaultScanRows = 20_000;

    const int MaxReportedIssues = 20;

    /// <summary>Previews <paramref name="path"/> as a file of <paramref name="kind"/>.</summary>
    /// <param name="mapping">Header -> canonical column (or <see cref="ColumnMapping.Ignore"/>), as the import will get it; null = the aliases only.</param>
    /// <param name="dateOrder">The date order the import will use.</param>
    /// <param name="fileName">The name shown (an upload's spool file has another); defaults to the file's name.</param>
    /// <exception cref="InvalidDataException">The file has no header line.</exception>
    public static CsvPreview Preview(DataKind kind, string path, ColumnMapping? mapping = null, DateOrder dateOrder = DateOrder.Auto,
        string? fileName = null, string defaultLocation = NexGenOptions.DefaultLocationName,
        int previewRows = DefaultPreviewRows, int scanRows = DefaultScanRows, CancellationToken cancellationToken = default)
    {
        var table = CanonicalTables.For(kind);
        var dialect = CsvSniffer.Sniff(path);
        var log = new IssueLog(MaxReportedIssues, ImportIssue.LineUnit);

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var content = CsvSniffer.OpenContent(file);
        using var reader = CsvReader.Create(content, new CsvReaderOptions
        {
            Separator = dialect.Delimiter,
            Encoding = CsvSniffer.EncodingOf(dialect),
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Recover,
            MaxRecordSize = NexGenOptions.DefaultMaxRecordBytes,
        });
        reader.ReadHeader();
        var headers = reader.Headers.ToList();
        if (headers.Count == 0 || headers.All(h => h.Length == 0))
            throw new InvalidDataException("The file has no header line: its first line must name the columns (e.g. location,sku,date,quantity).");

        var match = HeaderMatcher.Match(table, headers, mapping ?? ColumnMapping.Empty, log, HeaderSource.File);
        var labels = Labels(table, headers, match, log);

        var dateColumns = table.Columns.Select((c, i) => (c, i)).Where(x => x.c.Type == ColumnType.Date && match.SourceIndex[x.i] >= 0)
            .Select(x => match.SourceIndex[x.i]).ToArray();
        int locationAt = Source(table, match, CanonicalTables.Location), skuAt = Source(table, match, "sku"), salesDateAt = Source(table, match, "date");

        var rows = new List<CsvPreviewRow>();
        var dates = new List<(long Line, int Column, string Text, string Location, string Sku)>();
        long scanned = 0;
        var wholeFile = true;
        while (reader.Read())
        {
            if (scanned >= scanRows)
            {
                wholeFile = false;
                break;
            }
            scanned++;
            if ((scanned & 1023) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            var line = reader.LineNumber;
            if (rows.Count < previewRows)
                rows.Add(new CsvPreviewRow(line, headers.Select((_, i) => i < reader.FieldCount ? reader.GetString(i) : "").ToList()));
            foreach (var at in dateColumns)
            {
                var text = at < reader.FieldCount ? reader.GetString(at) : "";
                if (IsMissing(text))
                    continue;
                var isSalesDate = kind == DataKind.Sales && at == salesDateAt;
                dates.Add((line, at, text,
                    isSalesDate ? (locationAt >= 0 && locationAt < reader.FieldCount ? reader.GetString(locationAt) : defaultLocation) : "",
                    isSalesDate && skuAt >= 0 && skuAt < reader.FieldCount ? reader.GetString(skuAt) : ""));
            }
        }

        // First pass: decide the day/month order over every date read, as the import does over the whole file.
        var decide = new DateReader(dateOrder);
        foreach (var date in dates)
            decide.TryRead(date.Text, date.Line, out _, out _);
        var order = dateOrder != DateOrder.Auto || decide.Ambiguous ? dateOrder
            : decide.Format?.StartsWith("MM", StringComparison.Ordinal) == true ? DateOrder.MonthFirst
            : decide.Format?.StartsWith("dd", StringComparison.Ordinal) == true ? DateOrder.DayFirst
            : DateOrder.Auto;

        // Second pass, with that order: report dates that do not read, and track sales keys for the grain.
        var read = new DateReader(order);
        var keys = new KeyTracker();
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var date in dates)
        {
            if (!read.TryRead(date.Text, date.Line, out var day, out var error))
            {
                log.Error("bad_date", date.Line, date.Column + 1, headers[date.Column], date.Text, error!);
                continue;
            }
            if (kind == DataKind.Sales && date.Column == salesDateAt && (skuAt >= 0 || date.Sku.Length > 0))
                keys.Add(Intern(interned, date.Location), Intern(interned, date.Sku), day.DayNumber);
        }
        var grain = kind == DataKind.Sales && keys.SeriesCount > 0
            ? SalesGrain.Detect(keys, new IssueLog(0, ImportIssue.LineUnit))?.ToString()
            : null;

        return new CsvPreview
        {
            Kind = kind,
            FileName = fileName ?? Path.GetFileName(path),
            Dialect = dialect,
            Headers = headers,
            Rows = rows,
            Mapping = labels,
            Issues = [.. log.Issues],
            RowsScanned = scanned,
            WholeFile = wholeFile,
            DateFormat = decide.Format,
            DatesAmbiguous = decide.Ambiguous,
            DateEvidence = decide.Evidence,
            Grain = grain,
            UsesDefaultLocation = table.UsesDefaultLocation && Source(table, match, CanonicalTables.Location) < 0,
        };
    }

    /// <summary>Each header's label: its canonical column, a wide file's variable, or ignored (checked like the import's wide files).</summary>
    static List<string> Labels(CanonicalTable table, IReadOnlyList<string> headers, HeaderMatch match, IssueLog log)
    {
        var labels = headers.Select(_ => ColumnMapping.Ignore).ToList();
        for (var c = 0; c < table.Columns.Count; c++)
            if (match.SourceIndex[c] >= 0)
                labels[match.SourceIndex[c]] = table.Columns[c].Name;
        if (table.Kind != DataKind.Exogenous)
            return labels;
        int name = Source(table, match, "name"), value = Source(table, match, "value");
        if (name >= 0 && value >= 0)
            return labels;
        if (name >= 0 || value >= 0)
        {
            log.Error("missing_column", 1, 0, "", "",
                "a long exogenous file needs both 'name' and 'value' columns; a wide one has neither (one column per variable).");
            return labels;
        }
        var variables = 0;
        for (var i = 0; i < headers.Count; i++)
            if (labels[i] == ColumnMapping.Ignore && !match.Excluded.Contains(i))
            {
                labels[i] = CsvPreview.Variable;
                variables++;
            }
        if (variables == 0)
            log.Error("missing_column", 1, 0, "", "",
                $"the file has no variable columns besides location and date; its columns are {string.Join(", ", headers)}.");
        return labels;
    }

    static int Source(CanonicalTable table, HeaderMatch match, string column)
    {
        var c = table.Columns.ToList().FindIndex(x => x.Name == column);
        return c < 0 ? -1 : match.SourceIndex[c];
    }

    static string Intern(Dictionary<string, string> interned, string text)
    {
        if (!interned.TryGetValue(text, out var same))
            interned[text] = same = text;
        return same;
    }

    static bool IsMissing(string value) => value is "" or "NA" or "N/A" or "NULL" or "null" or "NaN" or "#N/A";
}
