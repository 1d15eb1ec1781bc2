using Dapper;
using DuckDB.NET.Data;

namespace NexGen.Core.Store;

/// <summary>Reads and writes the <c>imports</c> audit table.</summary>
public sealed class ImportHistory(DuckDbStore store)
{
    /// <summary>Records an import that changed nothing (rejected, failed, cancelled) in its own transaction.</summary>
    public Task<long> RecordUnappliedAsync(ImportAudit audit, CancellationToken cancellationToken = default) =>
        store.WriteAsync(connection =>
        {
            var id = connection.ExecuteScalar<long>("SELECT nextval('import_ids')");
            Insert(connection, audit with { Id = id }, null);
            return Task.FromResult(id);
        }, cancellationToken);

    /// <summary>The most recent imports, newest first.</summary>
    public async Task<IReadOnlyList<ImportAudit>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = await connection.QueryAsync<ImportAudit>(new CommandDefinition(
            $"SELECT {Columns} FROM imports ORDER BY id DESC LIMIT $count", new { count }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<ImportAudit?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        return await connection.QuerySingleOrDefaultAsync<ImportAudit>(new CommandDefinition(
            $"SELECT {Columns} FROM imports WHERE id = $id", new { id }, cancellationToken: cancellationToken));
    }

    internal static void Insert(DuckDBConnection connection, ImportAudit audit, System.Data.IDbTransaction? transaction) =>
        connection.Execute(
            "INSERT INTO imports VALUES ($Id, $Kind, $FileName, $Sha256, $Rows, $Warnings, $Started, $Finished, $Status, $Report)",
            audit, transaction);

    const string Columns = "id, kind, file_name AS FileName, sha256, rows, warnings, started, finished, status, report";
}
