using System.Collections;
using System.Data.Common;
using System.Globalization;
using NexGen.Core.Store;

namespace NexGen.Core.Ingestion;

/// <summary>
/// Reads the rows of a SQL source's query into one <see cref="ImportWriter"/> transaction under the rules of a CSV
/// import: the query's columns are matched like a file's headers, every value is checked (an issue's line is the
/// row number, its column the query's column), and the transaction commits only if every row is clean. It also
/// keeps the largest watermark value read, which is saved in the same transaction.
/// </summary>
sealed class SqlImportRun
{
    readonly SqlSourceOptions _source;
    readonly ImportRun _run;
    readonly IssueLog _log;
    readonly IProgress<ImportProgress>? _progress;
    readonly CancellationToken _cancellationToken;
    int _watermark = -1;
    object? _largest;

    public SqlImportRun(SqlSourceOptions source, ImportOptions options, string displayName, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        _source = source;
        _run = new ImportRun(source.Kind, options, displayName, ImportIssue.RowUnit);
        _log = _run.Log;
        _progress = progress;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Matches the query's columns to the canonical table and finds the watermark column; a schema-only reader is
    /// enough, so a source whose columns do not fit is refused before the server sends a row. False when refused.
    /// </summary>
    public bool MatchColumns(DbDataReader schema)
    {
        var names = Enumerable.Range(0, schema.FieldCount).Select(schema.GetName).ToList();
        _run.Match = HeaderMatcher.Match(_run.Table, names, _source.ToMapping(), _log, HeaderSource.Query);
        if (_source.Watermark is { } column)
            FindWatermark(schema, names, column);
        return _log.Errors == 0;
    }

    /// <summary>The report of a source whose columns do not fit (<see cref="MatchColumns"/> was false); nothing was written.</summary>
    public ImportReport ColumnsRejected() =>
        _run.Report(ImportStatus.Rejected, null, $"The columns of {_run.DisplayName} do not match {_run.Table.Name}.");

    /// <summary>
    /// Reads every row of <paramref name="reader"/> (the query whose columns <see cref="MatchColumns"/> accepted) and
    /// finishes the import. <paramref name="describe"/> adds the source's part to the report given the new watermark
    /// (null when no row had one); <paramref name="saveWatermark"/> runs in the transaction just before the commit.
    /// </summary>
    public async Task<ImportReport> RunAsync(DbDataReader reader, ImportWriter writer,
        Func<ImportReport, (string Type, string Text)?, ImportReport> describe, Action<ImportWriter, (string Type, string Text)?> saveWatermark)
    {
        using (var appender = new BackgroundAppender(writer, _run.Table, _cancellationToken))
        {
            while (await reader.ReadAsync(_cancellationToken))
            {
                _run.Rows++;
                if (ReadRow(reader) && _log.Errors == 0)
                    appender.Add(_run.Numbers, _run.Dates, _run.Texts, _run.Present);
                if ((_run.Rows & (ImportRun.ProgressEvery - 1)) == 0)
                    _progress?.Report(new ImportProgress(_run.Rows, 0, 0, _run.Clock.Elapsed));
            }
            appender.Complete();
        }
        _progress?.Report(new ImportProgress(_run.Rows, 0, 0, _run.Clock.Elapsed));
        var watermark = _largest is null ? ((string, string)?)null : WatermarkValue.Format(_largest);
        return _run.Finish(writer, report => describe(report, watermark), w => saveWatermark(w, watermark), _cancellationToken);
    }

    void FindWatermark(DbDataReader reader, List<string> names, string column)
    {
        _watermark = names.FindIndex(n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase));
        if (_watermark < 0)
        {
            _log.Error("missing_watermark", 0, 0, "", column,
                $"the query returns no watermark column '{column}' (setting Watermark); its columns are: {string.Join(", ", names)}.");
            return;
        }
        var type = reader.GetFieldType(_watermark);
        if (!WatermarkValue.Supports(type))
            _log.Error("bad_watermark", 0, _watermark + 1, names[_watermark], type.Name,
                "a watermark must be a date, timestamp, integer or decimal column (SQL Server rowversion: CAST(col AS bigint)).");
    }

    /// <summary>Reads the current row into the value arrays; false when the row has an error.</summary>
    bool ReadRow(DbDataReader reader)
    {
        var match = _run.Match!;
        var errorsBefore = _log.Errors;
        var row = _run.Rows;
        for (var c = 0; c < _run.Table.Columns.Count; c++)
        {
            var column = _run.Table.Columns[c];
            var source = match.SourceIndex[c];
            if (source < 0)
            {
                _run.SetAbsent(c);
                continue;
            }
            _run.Present[c] = false;
            if (reader.IsDBNull(source))
            {
                if (column.Required)
                    _log.Error("missing_value", row, source + 1, match.SourceName[c], "NULL", $"'{column.Name}' is required.");
                continue;
            }
            _run.Present[c] = ReadValue(c, column, reader.GetValue(source), row, source);
        }
        TrackWatermark(reader, row);
        return _log.Errors == errorsBefore && _run.CheckRow(row);
    }

    bool ReadValue(int c, CanonicalColumn column, object value, long row, int source)
    {
        string? error;
        switch (column.Type)
        {
            case ColumnType.Text:
                _run.Texts[c] = value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture);
                return true;
            case ColumnType.Date:
                if (TryDate(value, out _run.Dates[c]))
                    return true;
                error = "is not a date; return a date or timestamp column, or text as yyyy-MM-dd.";
                break;
            case ColumnType.Boolean:
                if (TryBoolean(value, out var flag))
                {
                    _run.Numbers[c] = flag ? 1 : 0;
                    return true;
                }
                error = "is not yes/no; return a boolean, 1 or 0.";
                break;
            default:
                if (!TryNumber(value, out _run.Numbers[c]))
                {
                    error = "is not a finite number; return a numeric column (or text with a decimal point).";
                    break;
                }
                error = ImportRun.CheckNumber(column, ref _run.Numbers[c], percent: false);
                if (error is null)
                    return true;
                break;
        }
        _log.Error(column.Type == ColumnType.Date ? "bad_date" : "bad_number", row, source + 1, _run.Match!.SourceName[c],
            Convert.ToString(value, CultureInfo.InvariantCulture), error);
        return false;
    }

    void TrackWatermark(DbDataReader reader, long row)
    {
        if (_watermark < 0)
            return;
        if (reader.IsDBNull(_watermark))
        {
            _log.Warning("null_watermark", row, _watermark + 1, reader.GetName(_watermark), "NULL",
                "has no watermark value: loaded now, but incremental loads never read the row again; give every row a value.");
            return;
        }
        var value = reader.GetValue(_watermark);
        if (_largest is null || Comparer.DefaultInvariant.Compare(value, _largest) > 0)
            _largest = value;
    }

    static bool TryDate(object value, out DateOnly date)
    {
        switch (value)
        {
            case DateTime d:
                date = DateOnly.FromDateTime(d);
                return true;
            case DateOnly d:
                date = d;
                return true;
            case DateTimeOffset o:
                date = DateOnly.FromDateTime(o.DateTime);
                return true;
            case string s:
                return DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
            default:
                date = default;
                return false;
        }
    }

    /// <summary>
    /// A number as a CSV import of the same value reads it: decimals and floats through their shortest text, so that
    /// numeric 12.30 and real 12.3 both give the double 12.3, exactly as the text "12.3" would.
    /// </summary>
    static bool TryNumber(object value, out double number)
    {
        number = value switch
        {
            double d => d,
            float f => double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            decimal m => double.Parse(m.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN,
            bool => double.NaN,
            IConvertible n when Type.GetTypeCode(n.GetType()) is >= TypeCode.SByte and <= TypeCode.UInt64 => n.ToDouble(CultureInfo.InvariantCulture),
            _ => double.NaN,
        };
        return double.IsFinite(number);
    }

    static bool TryBoolean(object value, out bool flag)
    {
        switch (value)
        {
            case bool b:
                flag = b;
                return true;
            case string s:
                return ImportRun.TryBoolean(s.Trim(), out flag);
            case IConvertible n when Type.GetTypeCode(n.GetType()) is >= TypeCode.SByte and <= TypeCode.Decimal:
                var number = n.ToDouble(CultureInfo.InvariantCulture);
                flag = number == 1;
                return number is 0 or 1;
            default:
                flag = false;
                return false;
        }
    }
}
