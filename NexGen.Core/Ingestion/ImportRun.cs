using System.Diagnostics;
using System.Globalization;
using NexGen.Core.Store;

namespace NexGen.Core.Ingestion;

/// <summary>
/// What a CSV file and a SQL source share once a row's values are read: the values by canonical column, the checks
/// that concern a whole row (ranges, repeated keys), and the end of an import (grain, summing repeats, the upsert,
/// the commit with its audit row). <see cref="CsvImportRun"/> and <see cref="SqlImportRun"/> fill the values.
/// </summary>
sealed class ImportRun
{
    public const int ProgressEvery = 1 << 16;

    public ImportRun(DataKind kind, ImportOptions options, string displayName, string lineUnit)
    {
        Table = CanonicalTables.For(kind);
        Options = options;
        DisplayName = displayName;
        Log = new IssueLog(options.MaxReportedIssues, lineUnit);
        var columns = Table.Columns.Count;
        Numbers = new double[columns];
        Dates = new DateOnly[columns];
        Texts = new string?[columns];
        Present = new bool[columns];
    }

    public CanonicalTable Table { get; }
    public ImportOptions Options { get; }

    /// <summary>The file's name or the source's, as reports show it.</summary>
    public string DisplayName { get; }

    public IssueLog Log { get; }
    public KeyTracker Keys { get; } = new();
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    // Values of the current row, by canonical column; Present says which were given.
    public double[] Numbers { get; }
    public DateOnly[] Dates { get; }
    public string?[] Texts { get; }
    public bool[] Present { get; }

    /// <summary>Where each canonical column is in the input, once the headers are matched.</summary>
    public HeaderMatch? Match { get; set; }

    /// <summary>Rows read so far.</summary>
    public long Rows { get; set; }

    long _duplicates;

    /// <summary>Sets a column the input does not have: the default location where the table takes one, else no value.</summary>
    public void SetAbsent(int c)
    {
        var useDefault = Table.Columns[c].Name == CanonicalTables.Location && Table.UsesDefaultLocation;
        Present[c] = useDefault;
        if (useDefault)
            Texts[c] = Options.DefaultLocation;
    }

    /// <summary>
    /// Runs the checks that concern the whole row once its values are read without error (ranges, the key);
    /// false when the row has an error and must not be appended.
    /// </summary>
    public bool CheckRow(long line)
    {
        var errorsBefore = Log.Errors;
        CheckValues(line);
        return Log.Errors == errorsBefore && TrackKey(line);
    }

    /// <summary>The range checks of a number once read: null when it is fine, else the reason.</summary>
    public static string? CheckNumber(CanonicalColumn column, ref double value, bool percent)
    {
        if (column.Type == ColumnType.Integer && (value != Math.Floor(value) || value is < int.MinValue or > int.MaxValue))
            return "is not a whole number.";
        if (column.Type == ColumnType.Fraction)
        {
            if (percent)
                value /= 100;
            if (value is < 0 or > 1)
                return "is not a fraction between 0 and 1; write 0.20 or 20% for 20 % off.";
        }
        return null;
    }

    /// <summary>Reads 1/0, true/false, yes/no, y/n, t/f (any case).</summary>
    public static bool TryBoolean(ReadOnlySpan<char> text, out bool value)
    {
        value = text.Equals("1", StringComparison.Ordinal) || text.Equals("true", StringComparison.OrdinalIgnoreCase)
            || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("y", StringComparison.OrdinalIgnoreCase)
            || text.Equals("t", StringComparison.OrdinalIgnoreCase);
        return value || text.Equals("0", StringComparison.Ordinal) || text.Equals("false", StringComparison.OrdinalIgnoreCase)
            || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.Equals("n", StringComparison.OrdinalIgnoreCase)
            || text.Equals("f", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Ends an import whose rows are all appended: checks the grain, then rejects (nothing changes) or merges repeated
    /// keys, replaces the stored rows with the same keys, runs <paramref name="beforeCommit"/> in the same transaction
    /// and commits with the audit row. <paramref name="describe"/> adds what only the input knows to the report.
    /// </summary>
    public ImportReport Finish(ImportWriter writer, Func<ImportReport, ImportReport> describe, Action<ImportWriter>? beforeCommit,
        CancellationToken cancellationToken)
    {
        var grain = Table.Kind == DataKind.Sales && Log.Errors == 0 ? CheckGrain(writer) : null;
        if (Log.Errors > 0)
            return describe(Report(ImportStatus.Rejected, writer, RejectionMessage()));

        cancellationToken.ThrowIfCancellationRequested();
        if (_duplicates > 0)
            writer.MergeDuplicates(
                Table.KeyColumns.Select(c => c.Name).ToList(),
                Table.Columns.Where(c => !c.IsKey).Select(c => (c.Name, c.MergeSql)).ToList());
        var kept = KeptColumns();
        if (kept.Count > 0 && writer.KeepStoredValues(Table.KeyColumns.Select(c => c.Name).ToList(), kept) == 0)
            kept = [];
        writer.ReplaceOlderRows(Table.KeyColumns.Select(c => c.Name).ToList());
        if (grain is not null)
            writer.SetDatasetValue(SalesGrain.DatasetKey, grain.ToString());
        beforeCommit?.Invoke(writer);
        var imported = writer.CountRows();
        var report = describe(Report(ImportStatus.Succeeded, writer,
            $"Imported {imported:N0} {Table.Name} rows from {DisplayName}" +
            (kept.Count > 0 ? $" (updated {string.Join(", ", Updated())}; kept the stored {string.Join(", ", kept)})" : "") +
            (Log.Warnings > 0 ? $" with {Log.Warnings:N0} warnings." : "."), imported, grain) with { KeptColumns = kept });
        cancellationToken.ThrowIfCancellationRequested();
        writer.Commit(ImportReports.ToAudit(report, DateTime.UtcNow - Clock.Elapsed, DateTime.UtcNow));
        return report;
    }

    /// <summary>
    /// The attribute columns a partial input leaves as stored: for products, inventory and locations, unless whole rows
    /// are replaced, every non-key column the input does not carry.
    /// </summary>
    List<string> KeptColumns() =>
        Options.ReplaceRows || Match is null || Table.Kind is not (DataKind.Products or DataKind.Inventory or DataKind.Locations)
            ? []
            : [.. Table.Columns.Where((c, i) => !c.IsKey && Match.SourceIndex[i] < 0).Select(c => c.Name)];

    /// <summary>The non-key columns the input carries.</summary>
    IEnumerable<string> Updated() => Table.Columns.Where((c, i) => !c.IsKey && Match!.SourceIndex[i] >= 0).Select(c => c.Name);

    /// <summary>The report of this import so far; <paramref name="writer"/> gives the import's id when it succeeded.</summary>
    public ImportReport Report(ImportStatus status, ImportWriter? writer, string message, long imported = 0, SalesGrain? grain = null)
    {
        var days = Keys.Series.SelectMany(s => new[] { s.Days.First, s.Days.Last }).Where(d => d > 0).ToList();
        return new ImportReport
        {
            ImportId = status == ImportStatus.Succeeded ? writer?.ImportId : null,
            Kind = Table.Kind,
            FileName = DisplayName,
            Status = status,
            Message = message,
            RowsRead = Rows,
            RowsImported = imported,
            ErrorCount = Log.Errors,
            WarningCount = Log.Warnings,
            Counts = new Dictionary<string, long>(Log.Counts),
            Issues = Log.Issues.ToList(),
            Columns = Match?.UsedColumns ?? new Dictionary<string, string>(),
            IgnoredColumns = Match?.Ignored ?? [],
            Grain = grain?.ToString(),
            Series = Keys.SeriesCount,
            FirstDate = days.Count > 0 ? DateOnly.FromDayNumber(days.Min()) : null,
            LastDate = days.Count > 0 ? DateOnly.FromDayNumber(days.Max()) : null,
            SeriesWithGaps = grain?.SeriesWithGaps ?? 0,
            MissingPeriods = grain?.MissingPeriods ?? 0,
            Elapsed = Clock.Elapsed,
        };
    }

    /// <summary>Checks that concern several values of a row, and quantities that are kept but worth a warning.</summary>
    void CheckValues(long line)
    {
        for (var c = 0; c < Table.Columns.Count; c++)
        {
            var column = Table.Columns[c];
            if (Present[c] && column.NonNegative && Numbers[c] < 0)
                Log.Warning("negative_" + column.Name, line, Match!.SourceIndex[c] + 1, Match.SourceName[c],
                    Numbers[c].ToString(CultureInfo.InvariantCulture),
                    Table.Kind == DataKind.Sales ? "negative quantity kept as a return." : $"negative {column.Name} kept as given.");
        }
        switch (Table.Kind)
        {
            case DataKind.Promotions when Dates[3] < Dates[2]:
                Log.Error("bad_range", line, Match!.SourceIndex[3] + 1, Match.SourceName[3], Dates[3].ToString("yyyy-MM-dd"),
                    $"the promotion ends before it starts ({Dates[2]:yyyy-MM-dd}).");
                break;
            case DataKind.Products:
                RequireAtLeast(line, "pack_size", 1);
                RequireAtLeast(line, "lead_time_days", 0);
                RequireAtLeast(line, "min_order_qty", 0);
                RequireAtLeast(line, "max_order_qty", 0);
                RequireAtLeast(line, "unit_cost", 0);
                RequireAtLeast(line, "unit_price", 0);
                break;
        }
    }

    void RequireAtLeast(long line, string name, double minimum)
    {
        var c = Table.Columns.ToList().FindIndex(x => x.Name == name);
        if (Present[c] && Numbers[c] < minimum)
            Log.Error("out_of_range", line, Match!.SourceIndex[c] + 1, Match.SourceName[c],
                Numbers[c].ToString(CultureInfo.InvariantCulture), $"{name} must be at least {minimum}.");
    }

    /// <summary>Remembers the row's key; a repeat is a warning (summed) or an error (rejected, or not summable).</summary>
    bool TrackKey(long line)
    {
        var fresh = Table.Kind switch
        {
            DataKind.Sales or DataKind.Inventory => Keys.Add(Texts[0]!, Texts[1]!, Dates[2].DayNumber),
            DataKind.Events => Keys.Add(Texts[1]!, "", Dates[0].DayNumber),
            _ => Keys.Add(string.Join('\u001f', Table.Columns.Select((col, c) => col.IsKey ? KeyText(c) : null).Where(k => k is not null))),
        };
        if (fresh)
            return true;
        var key = string.Join(", ", Table.Columns.Select((col, c) => (col, c)).Where(x => x.col.IsKey).Select(x => $"{x.col.Name} {KeyText(x.c)}"));
        if (Options.Duplicates == DuplicateKeyPolicy.Sum && Table.CanSumDuplicates)
        {
            _duplicates++;
            Log.Warning("duplicate_key", line, 0, "", key, "repeats an earlier row's key; the rows are summed.");
            return true;
        }
        Log.Error("duplicate_key", line, 0, "", key,
            Table.CanSumDuplicates
                ? "repeats an earlier row's key; remove the repeat or import with duplicates summed."
                : $"repeats an earlier row's key; {Table.Name} allow one row per key.");
        return false;
    }

    string KeyText(int c) => Table.Columns[c].Type switch
    {
        ColumnType.Date => Present[c] ? Dates[c].ToString("yyyy-MM-dd") : "",
        _ => Texts[c] ?? "",
    };

    /// <summary>Detects the grain of the imported sales, checks it against the store's, and reports gaps.</summary>
    SalesGrain? CheckGrain(ImportWriter writer)
    {
        var grain = SalesGrain.Detect(Keys, Log);
        if (grain is null)
            return null;
        var stored = SalesGrain.Parse(writer.GetDatasetValue(SalesGrain.DatasetKey));
        var otherSales = writer.QuerySingle<long>("SELECT count(*) FROM sales WHERE import_id <> $id", new { id = writer.ImportId });
        if (stored is not null && otherSales > 0 && stored != grain)
            Log.Error("grain_mismatch", 0, 0, "", grain.ToString(),
                $"the store holds {stored} sales and {DisplayName} is {grain}; aggregate it to {stored.Period} or import it into another store (--store).");
        return grain;
    }

    string RejectionMessage()
    {
        var first = Log.FirstError;
        var counts = string.Join(", ", Log.Counts.Where(p => p.Value > 0).Select(p => $"{p.Key} {p.Value:N0}"));
        return $"Rejected {DisplayName}: {Log.Errors:N0} errors ({counts}); nothing was changed." +
               (first is null ? "" : $" First: {first}");
    }
}
