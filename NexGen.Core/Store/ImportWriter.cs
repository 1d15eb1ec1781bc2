using Dapper;
using DuckDB.NET.Data;

namespace NexGen.Core.Store;

/// <summary>
/// One import's transaction: rows go in through the DuckDB appender tagged with the import's id; nothing is
/// visible to readers until <see cref="Commit"/>, and disposing without committing (an error, a cancellation,
/// a killed process) leaves the store as it was.
/// </summary>
public sealed class ImportWriter : IDisposable
{
    readonly DuckDBConnection _connection;
    readonly DuckDBTransaction _transaction;
    readonly string _table;
    DuckDBAppender? _appender;
    bool _committed;

    public ImportWriter(DuckDBConnection connection, string table)
    {
        _connection = connection;
        _table = table;
        _transaction = connection.BeginTransaction();
        ImportId = connection.ExecuteScalar<long>("SELECT nextval('import_ids')", transaction: _transaction);
    }

    /// <summary>Id of this import: the <c>imports</c> row and the <c>import_id</c> of every row written.</summary>
    public long ImportId { get; }

    /// <summary>Starts a row; the caller appends the table's columns in order, then calls <see cref="EndRow"/>.</summary>
    public IDuckDBAppenderRow Row() => (_appender ??= _connection.CreateAppender(_table)).CreateRow();

    public void EndRow(IDuckDBAppenderRow row) => row.AppendValue((long?)ImportId).EndRow();

    /// <summary>Swaps day and month of the given date columns in the rows written so far.</summary>
    public void SwapDayAndMonth(IEnumerable<string> dateColumns)
    {
        Flush();
        var sets = string.Join(", ", dateColumns.Select(c => $"{Quote(c)} = make_date(year({Quote(c)}), day({Quote(c)}), month({Quote(c)}))"));
        Execute($"UPDATE {_table} SET {sets} WHERE import_id = $id");
    }

    /// <summary>Replaces the rows of this import that share a key by one row whose measures are merged.</summary>
    public void MergeDuplicates(IReadOnlyList<string> keyColumns, IReadOnlyList<(string Column, string? MergeSql)> otherColumns)
    {
        Flush();
        var keys = string.Join(", ", keyColumns.Select(Quote));
        var merged = string.Join(", ", otherColumns.Select(c => $"{c.MergeSql ?? $"any_value({Quote(c.Column)})"} AS {Quote(c.Column)}"));
        var columns = string.Join(", ", keyColumns.Concat(otherColumns.Select(c => c.Column)).Select(Quote));
        Execute($"""
            CREATE TEMP TABLE merged_rows AS
                SELECT {keys}, {merged} FROM {_table} WHERE import_id = $id GROUP BY {keys} HAVING count(*) > 1;
            DELETE FROM {_table} t WHERE import_id = $id AND EXISTS (SELECT 1 FROM merged_rows m WHERE {Match("m", "t", keyColumns)});
            INSERT INTO {_table} ({columns}, import_id) SELECT {columns}, $id FROM merged_rows;
            DROP TABLE merged_rows;
            """);
    }

    /// <summary>Deletes stored rows that this import's rows replace (same key): the upsert that makes a re-import idempotent.</summary>
    public long ReplaceOlderRows(IReadOnlyList<string> keyColumns)
    {
        // Nothing to replace when either side is empty (an incremental load with no new rows is common).
        if (CountRows() == 0)
            return 0;
        var older = _connection.ExecuteScalar<long>($"SELECT count(*) FROM {_table} WHERE import_id <> $id", new { id = ImportId }, _transaction);
        if (older == 0)
            return 0;
        return _connection.Execute($"""
            DELETE FROM {_table} t WHERE import_id <> $id
                AND EXISTS (SELECT 1 FROM {_table} n WHERE n.import_id = $id AND {Match("n", "t", keyColumns)})
            """, new { id = ImportId }, _transaction);
    }

    /// <summary>
    /// Gives this import's rows the stored values of <paramref name="keptColumns"/> where a stored row has the same key:
    /// a file that does not carry a column leaves it as it was (run before <see cref="ReplaceOlderRows"/>). Returns the
    /// rows that had a stored row.
    /// </summary>
    public int KeepStoredValues(IReadOnlyList<string> keyColumns, IReadOnlyList<string> keptColumns)
    {
        Flush();
        var sets = string.Join(", ", keptColumns.Select(c => $"{Quote(c)} = o.{Quote(c)}"));
        return _connection.Execute($"""
            UPDATE {_table} AS n SET {sets}
            FROM (SELECT * FROM {_table} WHERE import_id <> $id) AS o
            WHERE n.import_id = $id AND {Match("o", "n", keyColumns)}
            """, new { id = ImportId }, _transaction);
    }

    /// <summary>Rows this import has written so far.</summary>
    public long CountRows()
    {
        Flush();
        return _connection.ExecuteScalar<long>($"SELECT count(*) FROM {_table} WHERE import_id = $id", new { id = ImportId }, _transaction);
    }

    /// <summary>Runs a query inside the import's transaction.</summary>
    public T QuerySingle<T>(string sql, object? parameters = null)
    {
        Flush();
        return _connection.QuerySingle<T>(sql, parameters, _transaction);
    }

    public void SetDatasetValue(string key, string value) =>
        _connection.Execute("INSERT OR REPLACE INTO dataset VALUES ($key, $value)", new { key, value }, _transaction);

    public string? GetDatasetValue(string key) =>
        _connection.ExecuteScalar<string?>("SELECT value FROM dataset WHERE key = $key", new { key }, _transaction);

    /// <summary>Runs a statement inside the import's transaction (e.g. saving a source's watermark with its rows).</summary>
    public void Execute(string sql, object parameters)
    {
        Flush();
        _connection.Execute(sql, parameters, _transaction);
    }

    /// <summary>Writes the audit row and commits everything at once.</summary>
    public void Commit(ImportAudit audit)
    {
        Flush();
        ImportHistory.Insert(_connection, audit with { Id = ImportId }, _transaction);
        _transaction.Commit();
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            _appender?.Dispose();
            _appender = null;
            _transaction.Rollback();
        }
        _transaction.Dispose();
    }

    void Flush()
    {
        _appender?.Dispose();
        _appender = null;
    }

    void Execute(string sql) => _connection.Execute(sql, new { id = ImportId }, _transaction);

    static string Match(string a, string b, IEnumerable<string> keys) =>
        string.Join(" AND ", keys.Select(k => $"{a}.{Quote(k)} IS NOT DISTINCT FROM {b}.{Quote(k)}"));

    static string Quote(string column) => $"\"{column}\"";
}
