using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using NexGen.Core.Store;

namespace NexGen.Core.Ingestion;

/// <summary>
/// Reads one file into one <see cref="ImportWriter"/> transaction: every row is parsed and checked, rows are
/// appended while the file is clean, and the transaction commits only if the whole file is.
/// </summary>
sealed class CsvImportRun
{
    const int ProgressEvery = 1 << 16;

    readonly ImportRequest _request;
    readonly CanonicalTable _table;
    readonly CanonicalColumn[] _columns;
    readonly ImportOptions _options;
    readonly IssueLog _log;
    readonly KeyTracker _keys = new();
    readonly Stopwatch _clock = Stopwatch.StartNew();
    readonly IProgress<ImportProgress>? _progress;
    readonly CancellationToken _cancellationToken;

    // Values of the current row, by canonical column.
    readonly double[] _numbers;
    readonly DateOnly[] _dates;
    readonly string?[] _texts;
    readonly bool[] _present;
    readonly TextInterner?[] _interners;
    readonly char[] _chars = new char[1024];

    CsvDialect? _dialect;
    HeaderMatch? _match;
    IReadOnlyList<string>? _headers;
    int[]? _measures;
    DateReader _dateReader;
    NumberReader? _numberReader;
    long _rows;
    long _duplicates;
    BackgroundAppender? _appender;

    public CsvImportRun(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        _request = request;
        _table = CanonicalTables.For(request.Kind);
        _columns = _table.Columns.ToArray();
        _options = request.Options ?? new ImportOptions();
        _log = new IssueLog(_options.MaxReportedIssues);
        _progress = progress;
        _cancellationToken = cancellationToken;
        var columns = _table.Columns.Count;
        _numbers = new double[columns];
        _dates = new DateOnly[columns];
        _texts = new string?[columns];
        _present = new bool[columns];
        _interners = _table.Columns.Select(c => c.IsKey && c.Type == ColumnType.Text ? new TextInterner() : null).ToArray();
        _dateReader = new DateReader(_options.DateOrder);
    }

    public ImportReport Run(ImportWriter writer)
    {
        _dialect = CsvSniffer.Sniff(_request.FilePath);
        using var file = new FileStream(_request.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var total = file.Length;
        using var hashing = new HashingStream(file);
        using var content = _dialect.Gzip ? new BufferedStream(new GZipStream(hashing, CompressionMode.Decompress), 1 << 20) : (Stream)hashing;
        using var reader = CsvReader.Create(content, ReaderOptions(_dialect));
        _numberReader = new NumberReader(_dialect.Delimiter);

        reader.ReadHeader();
        var headers = reader.Headers;
        _headers = headers;
        _match = HeaderMatcher.Match(_table, headers, _request.Mapping ?? ColumnMapping.Empty, _log);
        if (_table.Kind == DataKind.Exogenous)
            _measures = WideMeasures(headers);
        if (_log.Errors > 0)
            return Report(ImportStatus.Rejected, writer, hashing.Finish(), "The file's columns do not match " + _table.Name + ".");

        using (_appender = new BackgroundAppender(writer, _table, _cancellationToken))
        {
            while (reader.Read())
            {
                _rows++;
                if (ReadRow(reader) && _log.Errors == 0)
                {
                    if (_measures is null)
                        _appender.Add(_numbers, _dates, _texts, _present);
                    else
                        AddMeasures(reader);
                }
                if ((_rows & (ProgressEvery - 1)) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    _progress?.Report(new ImportProgress(_rows, hashing.BytesRead, total, _clock.Elapsed));
                }
            }
            _appender.Complete();
        }
        var sha256 = hashing.Finish();
        _progress?.Report(new ImportProgress(_rows, total, total, _clock.Elapsed));

        if (_rows == 0)
            _log.Warning("empty_file", 1, 0, "", "", "the file has a header but no rows; nothing to import.");
        if (_dateReader.Ambiguous)
            _log.Error("ambiguous_date", 0, 0, "", "",
                $"every date in the file reads both as {AmbiguousFormats()}; choose the order: --date-order DayFirst or MonthFirst (upload page: Date order).");
        var grain = _table.Kind == DataKind.Sales && _log.Errors == 0 ? CheckGrain(writer) : null;
        if (_log.Errors > 0)
            return Report(ImportStatus.Rejected, writer, sha256, RejectionMessage());

        _cancellationToken.ThrowIfCancellationRequested();
        if (_duplicates > 0)
            writer.MergeDuplicates(
                _table.KeyColumns.Select(c => c.Name).ToList(),
                _table.Columns.Where(c => !c.IsKey).Select(c => (c.Name, c.MergeSql)).ToList());
        writer.ReplaceOlderRows(_table.KeyColumns.Select(c => c.Name).ToList());
        if (grain is not null)
            writer.SetDatasetValue(SalesGrain.DatasetKey, grain.ToString());
        var imported = writer.CountRows();
        var report = Report(ImportStatus.Succeeded, writer, sha256,
            $"Imported {imported:N0} {_table.Name} rows from {_request.DisplayName}" +
            (_log.Warnings > 0 ? $" with {_log.Warnings:N0} warnings." : "."), imported, grain);
        _cancellationToken.ThrowIfCancellationRequested();
        writer.Commit(ImportReports.ToAudit(report, DateTime.UtcNow - _clock.Elapsed, DateTime.UtcNow));
        return report;
    }

    CsvReaderOptions ReaderOptions(CsvDialect dialect) => new()
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
        OnMalformedRecord = record => _log.Error("malformed_row", record.LineNumber, 0, "", record.RawRecord ?? "",
            $"the row's quoting is broken ({record.Reason}); close every quote and double quotes inside quoted fields."),
        BufferSize = 1 << 20,
    };

    /// <summary>Parses the current row into the value arrays; false when the row has an error.</summary>
    bool ReadRow(CsvReader reader)
    {
        var match = _match!;
        var errorsBefore = _log.Errors;
        var line = reader.LineNumber;
        if (reader.FieldCount != reader.Headers.Count && !ExtraFieldsEmpty(reader))
            _log.Error("field_count", line, 0, "", Encoding.UTF8.GetString(reader.RawRecord),
                $"the row has {reader.FieldCount} fields but the header has {reader.Headers.Count}.");

        for (var c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c];
            var source = match.SourceIndex[c];
            _present[c] = false;
            if (source < 0)
            {
                if (column.Name == CanonicalTables.Location && _table.UsesDefaultLocation)
                {
                    _texts[c] = _options.DefaultLocation;
                    _present[c] = true;
                }
                continue;
            }
            var utf8 = reader.GetSpan(source);
            if (IsMissing(utf8))
            {
                if (column.Required)
                    _log.Error("missing_value", line, source + 1, match.SourceName[c], "", $"'{column.Name}' is required.");
                continue;
            }
            _present[c] = ParseValue(c, column, utf8, line, source);
        }

        if (_dateReader.SwapRequested)
            SwapDates(line);
        if (_log.Errors > errorsBefore)
            return false;
        if (_measures is not null)
            return true;
        CheckRow(line);
        return _log.Errors == errorsBefore && TrackKey(line);
    }

    /// <summary>
    /// A wide exogenous file (no name and value columns): every column other than location and date is a variable.
    /// Null for a long file; a file with only one of name and value is an error.
    /// </summary>
    int[]? WideMeasures(IReadOnlyList<string> headers)
    {
        int name = _match!.SourceIndex[2], value = _match.SourceIndex[3];
        if (name >= 0 && value >= 0)
            return null;
        if (name >= 0 || value >= 0)
        {
            _log.Error("missing_column", 1, 0, "", "",
                "a long exogenous file needs both 'name' and 'value' columns; a wide one has neither (one column per variable).");
            return null;
        }
        var measures = Enumerable.Range(0, headers.Count).Where(i => !_match.SourceIndex.Contains(i)).ToArray();
        if (measures.Length == 0)
            _log.Error("missing_column", 1, 0, "", "",
                $"the file has no variable columns besides location and date; its columns are {string.Join(", ", headers)}.");
        _match = _match with { Ignored = [] };
        return measures;
    }

    /// <summary>Adds one long row (location, date, variable, value) per variable of a wide row that has a value.</summary>
    void AddMeasures(CsvReader reader)
    {
        var line = reader.LineNumber;
        foreach (var source in _measures!)
        {
            var utf8 = reader.GetSpan(source);
            _texts[2] = _headers![source];
            _present[2] = true;
            _present[3] = !IsMissing(utf8) && ParseValue(3, _columns[3], utf8, line, source);
            if (_present[3] && TrackKey(line) && _log.Errors == 0)
                _appender!.Add(_numbers, _dates, _texts, _present);
        }
    }

    bool ParseValue(int c, CanonicalColumn column, ReadOnlySpan<byte> utf8, long line, int source)
    {
        switch (column.Type)
        {
            case ColumnType.Date when _dateReader.TryReadIso(utf8, out _dates[c]):
                return true;
            case ColumnType.Number or ColumnType.Measure when _numberReader!.TryReadSimple(utf8, line, out _numbers[c]):
                return true;
            case ColumnType.Text when _interners[c] is { } interner && interner.TryGetKnown(utf8, out _texts[c]):
                return true;
        }
        if (!Utf8.IsValid(utf8))
        {
            _log.Error("bad_encoding", line, source + 1, _headers![source], Encoding.UTF8.GetString(utf8),
                "is not valid UTF-8; save the file as UTF-8 (or UTF-16 / Latin-1 from the start of the file).");
            return false;
        }
        if (column.Type == ColumnType.Text)
        {
            _texts[c] = _interners[c]?.Get(utf8) ?? Encoding.UTF8.GetString(utf8);
            return true;
        }
        var chars = Chars(utf8);
        string? error;
        switch (column.Type)
        {
            case ColumnType.Date:
                if (_dateReader.TryRead(chars, line, out _dates[c], out error))
                    return true;
                break;
            case ColumnType.Measure when TryBoolean(chars, out var yes):
                _numbers[c] = yes ? 1 : 0;
                return true;
            case ColumnType.Boolean:
                if (TryBoolean(chars, out var flag))
                {
                    _numbers[c] = flag ? 1 : 0;
                    return true;
                }
                error = "is not yes/no; write 1 or 0, true or false, yes or no.";
                break;
            default:
                var percent = column.Type == ColumnType.Fraction && chars.EndsWith("%");
                if (!_numberReader!.TryRead(percent ? chars[..^1].TrimEnd() : chars, line, out _numbers[c], out error))
                    break;
                error = CheckNumber(column, ref _numbers[c], percent);
                if (error is null)
                    return true;
                break;
        }
        _log.Error(column.Type == ColumnType.Date ? "bad_date" : "bad_number", line, source + 1, _headers![source], chars, error!);
        return false;
    }

    static string? CheckNumber(CanonicalColumn column, ref double value, bool percent)
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

    /// <summary>Checks that concern several values of a row, and quantities that are kept but worth a warning.</summary>
    void CheckRow(long line)
    {
        for (var c = 0; c < _table.Columns.Count; c++)
        {
            var column = _table.Columns[c];
            if (_present[c] && column.NonNegative && _numbers[c] < 0)
                _log.Warning("negative_" + column.Name, line, _match!.SourceIndex[c] + 1, _match.SourceName[c],
                    _numbers[c].ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _table.Kind == DataKind.Sales ? "negative quantity kept as a return." : $"negative {column.Name} kept as given.");
        }
        switch (_table.Kind)
        {
            case DataKind.Promotions when _dates[3] < _dates[2]:
                _log.Error("bad_range", line, _match!.SourceIndex[3] + 1, _match.SourceName[3], _dates[3].ToString("yyyy-MM-dd"),
                    $"the promotion ends before it starts ({_dates[2]:yyyy-MM-dd}).");
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
        var c = _table.Columns.ToList().FindIndex(x => x.Name == name);
        if (_present[c] && _numbers[c] < minimum)
            _log.Error("out_of_range", line, _match!.SourceIndex[c] + 1, _match.SourceName[c],
                _numbers[c].ToString(System.Globalization.CultureInfo.InvariantCulture), $"{name} must be at least {minimum}.");
    }

    /// <summary>Remembers the row's key; a repeat is a warning (summed) or an error (rejected, or not summable).</summary>
    bool TrackKey(long line)
    {
        var fresh = _table.Kind switch
        {
            DataKind.Sales or DataKind.Inventory => _keys.Add(_texts[0]!, _texts[1]!, _dates[2].DayNumber),
            DataKind.Events => _keys.Add(_texts[1]!, "", _dates[0].DayNumber),
            _ => _keys.Add(string.Join('\u001f', _table.Columns.Select((col, c) => col.IsKey ? KeyText(c) : null).Where(k => k is not null))),
        };
        if (fresh)
            return true;
        var key = string.Join(", ", _table.Columns.Select((col, c) => (col, c)).Where(x => x.col.IsKey).Select(x => $"{x.col.Name} {KeyText(x.c)}"));
        if (_options.Duplicates == DuplicateKeyPolicy.Sum && _table.CanSumDuplicates)
        {
            _duplicates++;
            _log.Warning("duplicate_key", line, 0, "", key, "repeats an earlier row's key; the rows are summed.");
            return true;
        }
        _log.Error("duplicate_key", line, 0, "", key,
            _table.CanSumDuplicates
                ? "repeats an earlier row's key; remove the repeat or import with duplicates summed."
                : $"repeats an earlier row's key; {_table.Name} allow one row per key.");
        return false;
    }

    string KeyText(int c) => _table.Columns[c].Type switch
    {
        ColumnType.Date => _present[c] ? _dates[c].ToString("yyyy-MM-dd") : "",
        _ => _texts[c] ?? "",
    };

    /// <summary>The file turned out month-first after day-first-looking dates: fix what was read so far.</summary>
    void SwapDates(long line)
    {
        _dateReader.SwapDone();
        if (_dateReader.MixedStyles)
        {
            _log.Error("mixed_dates", line, 0, "", "", "the file mixes yyyy-MM-dd dates with MM/dd/yyyy dates; use one format.");
            return;
        }
        _keys.Remap(day =>
        {
            var date = DateOnly.FromDayNumber(day);
            return new DateOnly(date.Year, date.Day, date.Month).DayNumber;
        });
        if (_log.Errors == 0)
            _appender!.Run(w => w.SwapDayAndMonth(_table.Columns.Where(c => c.Type == ColumnType.Date).Select(c => c.Name)));
    }

    /// <summary>Detects the grain of the file's sales, checks it against the store's, and reports gaps.</summary>
    SalesGrain? CheckGrain(ImportWriter writer)
    {
        var grain = SalesGrain.Detect(_keys, _log);
        if (grain is null)
            return null;
        var stored = SalesGrain.Parse(writer.GetDatasetValue(SalesGrain.DatasetKey));
        var otherSales = writer.QuerySingle<long>("SELECT count(*) FROM sales WHERE import_id <> $id", new { id = writer.ImportId });
        if (stored is not null && otherSales > 0 && stored != grain)
            _log.Error("grain_mismatch", 0, 0, "", grain.ToString(),
                $"the store holds {stored} sales and this file is {grain}; aggregate the file to {stored.Period} or import it into another store (--store).");
        return grain;
    }

    string RejectionMessage()
    {
        var first = _log.FirstError;
        var counts = string.Join(", ", _log.Counts.Where(p => p.Value > 0).Select(p => $"{p.Key} {p.Value:N0}"));
        return $"Rejected {_request.DisplayName}: {_log.Errors:N0} errors ({counts}); nothing was changed." +
               (first is null ? "" : $" First: {first}");
    }

    string AmbiguousFormats()
    {
        var format = _dateReader.Format ?? "";
        var separator = format.Length > 2 ? format[2] : '/';
        return $"dd{separator}MM{separator}yyyy and MM{separator}dd{separator}yyyy";
    }

    ImportReport Report(ImportStatus status, ImportWriter writer, string sha256, string message, long imported = 0, SalesGrain? grain = null)
    {
        var days = _keys.Series.SelectMany(s => new[] { s.Days.First, s.Days.Last }).Where(d => d > 0).ToList();
        return new ImportReport
        {
            ImportId = status == ImportStatus.Succeeded ? writer.ImportId : null,
            Kind = _table.Kind,
            FileName = _request.DisplayName,
            Sha256 = sha256,
            Status = status,
            Message = message,
            RowsRead = _rows,
            RowsImported = imported,
            ErrorCount = _log.Errors,
            WarningCount = _log.Warnings,
            Counts = new Dictionary<string, long>(_log.Counts),
            Issues = _log.Issues.ToList(),
            Dialect = _dialect,
            DateFormat = _dateReader.Format,
            DecimalSeparator = _numberReader?.DecimalSeparator,
            Columns = _match?.UsedColumns ?? new Dictionary<string, string>(),
            IgnoredColumns = _match?.Ignored ?? [],
            Grain = grain?.ToString(),
            Series = _keys.SeriesCount,
            FirstDate = days.Count > 0 ? DateOnly.FromDayNumber(days.Min()) : null,
            LastDate = days.Count > 0 ? DateOnly.FromDayNumber(days.Max()) : null,
            SeriesWithGaps = grain?.SeriesWithGaps ?? 0,
            MissingPeriods = grain?.MissingPeriods ?? 0,
            Elapsed = _clock.Elapsed,
        };
    }

    ReadOnlySpan<char> Chars(ReadOnlySpan<byte> utf8)
    {
        var length = Encoding.UTF8.GetChars(utf8[..Math.Min(utf8.Length, _chars.Length / 4)], _chars);
        return _chars.AsSpan(0, length);
    }

    static bool IsMissing(ReadOnlySpan<byte> value) =>
        value.IsEmpty || value.SequenceEqual("NA"u8) || value.SequenceEqual("N/A"u8) || value.SequenceEqual("NULL"u8)
        || value.SequenceEqual("null"u8) || value.SequenceEqual("NaN"u8) || value.SequenceEqual("#N/A"u8);

    static bool TryBoolean(ReadOnlySpan<char> text, out bool value)
    {
        value = text.Equals("1", StringComparison.Ordinal) || text.Equals("true", StringComparison.OrdinalIgnoreCase)
            || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("y", StringComparison.OrdinalIgnoreCase)
            || text.Equals("t", StringComparison.OrdinalIgnoreCase);
        return value || text.Equals("0", StringComparison.Ordinal) || text.Equals("false", StringComparison.OrdinalIgnoreCase)
            || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.Equals("n", StringComparison.OrdinalIgnoreCase)
            || text.Equals("f", StringComparison.OrdinalIgnoreCase);
    }

    static bool ExtraFieldsEmpty(CsvReader reader)
    {
        if (reader.FieldCount < reader.Headers.Count)
            return false;
        for (var i = reader.Headers.Count; i < reader.FieldCount; i++)
            if (!reader.IsEmpty(i))
                return false;
        return true;
    }
}
