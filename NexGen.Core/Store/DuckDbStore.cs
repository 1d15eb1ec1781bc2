using Dapper;
using DuckDB.NET.Data;

namespace NexGen.Core.Store;

/// <summary>
/// The embedded DuckDB store: one file, one connection per operation. Any number of readers may run at once;
/// writers take <see cref="WriteAsync{T}"/>'s lock so that one writes at a time within this process (DuckDB's
/// file lock keeps other processes out while this one has the file open).
/// </summary>
public sealed class DuckDbStore
{
    readonly SemaphoreSlim _writeLock = new(1, 1);
    readonly string _connectionString;
    readonly string _memoryLimit;

    public DuckDbStore(string path, string memoryLimit = "1GB")
    {
        Path = System.IO.Path.GetFullPath(path);
        _memoryLimit = memoryLimit;
        _connectionString = $"Data Source={Path}";
    }

    /// <summary>Full path of the store file.</summary>
    public string Path { get; }

    /// <summary>Opens a new connection; the caller disposes it at the end of the operation.</summary>
    public DuckDBConnection Open()
    {
        var connection = new DuckDBConnection(_connectionString);
        try
        {
            connection.Open();
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw new StoreLockedException(Path, e);
        }
        connection.Execute($"SET memory_limit = '{_memoryLimit}'");
        return connection;
    }

    /// <summary>
    /// Keeps the database open until disposed, for a read made of several store calls: DuckDB closes the file with its
    /// last connection (which lets the CLI in between operations), and opening it again costs about 20 ms a connection
    /// against well under one while another connection holds it.
    /// </summary>
    public IDisposable HoldOpen() => Open();

    /// <summary>Creates the store file if needed and upgrades its schema to <see cref="StoreSchema.Latest"/>.</summary>
    public Task<int> InitializeAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(StoreSchema.Latest, cancellationToken);

    /// <summary>Upgrades the schema up to <paramref name="targetVersion"/> (tests use it to build older stores).</summary>
    public Task<int> MigrateAsync(int targetVersion, CancellationToken cancellationToken = default)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        return WriteAsync(connection =>
        {
            connection.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied TIMESTAMP NOT NULL)");
            var current = connection.ExecuteScalar<int?>("SELECT max(version) FROM schema_version") ?? 0;
            if (current > StoreSchema.Latest)
                throw new InvalidOperationException(
                    $"The store {Path} has schema version {current}, newer than this NexGen ({StoreSchema.Latest}). Upgrade NexGen.");
            for (var version = current + 1; version <= targetVersion; version++)
            {
                using var transaction = connection.BeginTransaction();
                connection.Execute(StoreSchema.Migrations[version - 1], transaction: transaction);
                connection.Execute("INSERT INTO schema_version VALUES ($version, now())", new { version }, transaction);
                transaction.Commit();
            }
            return Task.FromResult(Math.Max(current, targetVersion));
        }, cancellationToken);
    }

    /// <summary>The schema version the store file has now.</summary>
    public int SchemaVersion()
    {
        using var connection = Open();
        return connection.ExecuteScalar<int?>("SELECT max(version) FROM schema_version") ?? 0;
    }

    /// <summary>Runs <paramref name="work"/> on its own connection while holding the store's single write lock.</summary>
    public async Task<T> WriteAsync<T>(Func<DuckDBConnection, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            return await work(connection);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
