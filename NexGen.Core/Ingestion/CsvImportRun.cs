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
    readonly ImportRequest _request;
    readonly ImportRun _run;
    readonly CanonicalTable _table;
    readonly CanonicalColumn[] _columns;
    readonly IssueLog _log;
    readonly IProgress<ImportProgress>? _progress;
    readonly CancellationToken _cancellationToken;

    // Values of the current row, by canonical column (the arrays of _run).
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
    string _sha256 = "";
    BackgroundAppender? _appender;

    public CsvImportRun(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        _request = request;
        var options = request.Options ?? new ImportOptions();
        _run = new ImportRun(request.Kind, options, request.DisplayName, ImportIssue.LineUnit);
        _table = _run.Table;
        _columns = _table.Columns.ToArray();
        _log = _run.Log;
        _progress = progress;
        _cancellationToken = cancellationToken;
        _numbers = _run.Numbers;
        _dates = _run.Dates;
        _texts = _run.Texts;
        _present = _run.Present;
        _interners = _table.Columns.Select(c => c.IsKey && c.Type == ColumnType.Text ? new TextInterner() : null).ToArray();
        _dateReader = new DateReader(options.DateOrder);
    }

    public ImportReport Run(ImportWriter writer)
    {
        _dialect = CsvSniffer.Sniff(_request.FilePath);
        using var file = new FileStream(_request.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var total = file.Length;
        using var hashing = new HashingStream(file);
        var limits = _run.Options;
        using var content = _dialect.Gzip
            ? new BufferedStream(new CappedStream(new GZipStream(hashing, CompressionMode.Decompress), limits.MaxDecompressedBytes,
                $"{_request.DisplayName} decompresses to more than {limits.MaxDecompressedBytes:N0} bytes (NexGen:MaxDecompressedBytes); nothing was imported."), 1 << 20)
            : (Stream)hashing;
        using var reader = CsvReader.Create(content, ReaderOptions(_dialect));
        _numberReader = new NumberReader(_dialect.Delimiter);
        try
        {
            return Read(reader, hashing, total, writer);
        }
        catch (CsvHelper.CsvFormatException e) when (e.Message.Contains("MaxRecordSize", StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"line {reader.LineNumber + 1} of {_request.DisplayName}: a record is longer than {limits.MaxRecordBytes:N0} bytes " +
                "(NexGen:MaxRecordBytes), which a sales or product row never is (an unclosed quote, or not a CSV file); nothing was imported.", e);
        }
    }

    ImportReport Read(CsvReader reader, HashingStream hashing, long total, ImportWriter writer)
    {
        reader.ReadHeader();
        var headers = reader.Headers;
        if (headers.Count > _run.Options.MaxColumns)
            throw new InvalidDataException(
                $"line 1 of {_request.DisplayName}: the header has {headers.Count:N0} columns, more than {_run.Options.MaxColumns:N0} (NexGen:MaxColumns); nothing was imported.");
        _headers = headers;
        _match = _run.Match = HeaderMatcher.Match(_table, headers, _request.Mapping ?? ColumnMapping.Empty, _log, HeaderSource.File);
        if (_table.Kind == DataKind.Exogenous)
            _measures = WideMeasures(headers);
        if (_log.Errors > 0)
        {
            _sha256 = hashing.Finish();
            return Describe(_run.Report(ImportStatus.Rejected, writer, "The file's columns do not match " + _table.Name + "."));
        }

        using (_appender = new BackgroundAppender(writer, _table, _cancellationToken))
        {
            while (reader.Read())
            {
                _run.Rows++;
                if (ReadRow(reader) && _log.Errors == 0)
                {
                    if (_measures is null)
                        _appender.Add(_numbers, _dates, _texts, _present);
                    else
                        AddMeasures(reader);
                }
                if ((_run.Rows & (ImportRun.ProgressEvery - 1)) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    _progress?.Report(new ImportProgress(_run.Rows, hashing.BytesRead, total, _run.Clock.Elapsed));
                }
            }
            _appender.Complete();
        }
        _sha256 = hashing.Finish();
        _progress?.Report(new ImportProgress(_run.Rows, total, total, _run.Clock.Elapsed));

        if (_run.Rows == 0)
            _log.Warning("empty_file", 1, 0, "", "", "the file has a header but no rows; nothing to import.");
        if (_dateReader.Ambiguous)
            _log.Error("ambiguous_date", 0, 0, "", "",
                $"every date in the file reads both as {AmbiguousFormats()}; choose the order: --date-order DayFirst or MonthFirst (upload page: Date order).");
        return _run.Finish(writer, Describe, beforeCommit: null, _cancellationToken);
    }

    /// <summary>Adds what only a file has to the report: its hash and how it was read.</summary>
    ImportReport Describe(ImportReport report) => report with
    {
        Sha256 = _sha256,
        Dialect = _dialect,
        DateFormat = _dateReader.Format,
        DecimalSeparator = _numberReader?.DecimalSeparator,
    };

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
        MaxRecordSize = _run.Options.MaxRecordBytes,
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
            if (source < 0)
            {
                _run.SetAbsent(c);
                continue;
            }
            _present[c] = false;
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
        if (_measures is not null)
            return _log.Errors == errorsBefore;
        return _log.Errors == errorsBefore && _run.CheckRow(line);
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
        var measures = Enumerable.Range(0, headers.Count).Where(i => !_match.SourceIndex.Contains(i) && !_match.Excluded.Contains(i)).ToArray();
        if (measures.Length == 0)
            _log.Error("missing_column", 1, 0, "", "",
                $"the file has no variable columns besides location and date; its columns are {string.Join(", ", headers)}.");
        _match = _run.Match = _match with { Ignored = [.. _match.Excluded.Order().Select(i => headers[i])] };
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
            if (_present[3] && _run.CheckRow(line) && _log.Errors == 0)
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
            case ColumnType.Measure when ImportRun.TryBoolean(chars, out var yes):
                _numbers[c] = yes ? 1 : 0;
                return true;
            case ColumnType.Boolean:
                if (ImportRun.TryBoolean(chars, out var flag))
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
                error = ImportRun.CheckNumber(column, ref _numbers[c], percent);
                if (error is null)
                    return true;
                break;
        }
        _log.Error(column.Type == ColumnType.Date ? "bad_date" : "bad_number", line, source + 1, _headers![source], chars, error!);
        return false;
    }

    /// <summary>The file turned out month-first after day-first-looking dates: fix what was read so far.</summary>
    void SwapDates(long line)
    {
        _dateReader.SwapDone();
        if (_dateReader.MixedStyles)
        {
            _log.Error("mixed_dates", line, 0, "", "", "the file mixes yyyy-MM-dd dates with MM/dd/yyyy dates; use one format.");
            return;
        }
        _run.Keys.Remap(day =>
        {
            var date = DateOnly.FromDayNumber(day);
            return new DateOnly(date.Year, date.Day, date.Month).DayNumber;
        });
        if (_log.Errors == 0)
            _appender!.Run(w => w.SwapDayAndMonth(_table.Columns.Where(c => c.Type == ColumnType.Date).Select(c => c.Name)));
    }

    string AmbiguousFormats()
    {
        var format = _dateReader.Format ?? "";
        var separator = format.Length > 2 ? format[2] : '/';
        return $"dd{separator}MM{separator}yyyy and MM{separator}dd{separator}yyyy";
    }

    ReadOnlySpan<char> Chars(ReadOnlySpan<byte> utf8)
    {
        var length = Encoding.UTF8.GetChars(utf8[..Math.Min(utf8.Length, _chars.Length / 4)], _chars);
        return _chars.AsSpan(0, length);
    }

    static bool IsMissing(ReadOnlySpan<byte> value) =>
        value.IsEmpty || value.SequenceEqual("NA"u8) || value.SequenceEqual("N/A"u8) || value.SequenceEqual("NULL"u8)
        || value.SequenceEqual("null"u8) || value.SequenceEqual("NaN"u8) || value.SequenceEqual("#N/A"u8);

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
