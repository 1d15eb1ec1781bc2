using Dapper;
using DuckDB.NET.Data;

namespace NexGen.Core.Store;

/// <summary>
/// The embedded DuckDB store: one file, one connection per operation. Any number of readers may run at once;
/// writers take <see cref="WriteAsync{T}"/>'s lock so that one writes at a time within this process (DuckDB's
/// file lock keeps other processes out while this one has the file open).
/// With a <c>keepOpen</c> window (the web app's), the database stays open that long after the last connection is
/// opened, so that the burst of reads a page makes opens the file once rather than once per read (about 20 ms each);
/// the file is closed, and open to the CLI again, once the app has been idle for that long.
/// </summary>
public sealed class DuckDbStore : IDisposable
{
    readonly SemaphoreSlim _writeLock = new(1, 1);
    readonly string _connectionString;
    readonly TimeSpan _keepOpen;
    readonly Lock _keeperLock = new();
    readonly Timer? _keeperTimer;
    DuckDBConnection? _keeper;
    long _lastOpened;
    bool _disposed;

    public DuckDbStore(string path, string memoryLimit = "1GB", TimeSpan keepOpen = default)
    {
        Path = System.IO.Path.GetFullPath(path);
        // DuckDB applies the memory limit when it opens the database: one setting for every connection, not a SET on each.
        _connectionString = $"Data Source={Path};memory_limit={memoryLimit}";
        _keepOpen = keepOpen;
        if (keepOpen > TimeSpan.Zero)
            _keeperTimer = new Timer(_ => CloseWhenIdle());
    }

    /// <summary>Full path of the store file.</summary>
    public string Path { get; }

    /// <summary>
    /// How long <see cref="Open"/> waits while another process has the file open (each process opens it only for an
    /// operation, so a clash lasts moments) before it throws <see cref="StoreLockedException"/>.
    /// </summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Opens a new connection; the caller disposes it at the end of the operation. Retries for up to
    /// <see cref="LockWait"/> while another process has the file open.
    /// </summary>
    /// <exception cref="StoreLockedException">Another process still has the file open after <see cref="LockWait"/>.</exception>
    public DuckDBConnection Open() => Open(LockWait);

    DuckDBConnection Open(TimeSpan lockWait)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        for (var pause = 20; ; pause = Math.Min(pause * 2, 250))
        {
            var connection = new DuckDBConnection(_connectionString);
            try
            {
                connection.Open();
                KeepOpen();
                return connection;
            }
            catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                connection.Dispose();
                if (waited.Elapsed >= lockWait)
                    throw new StoreLockedException(Path, e);
            }
            Thread.Sleep(pause);
        }
    }

    /// <summary>With a keep-open window, holds the database open (a connection of its own) until the window has passed.</summary>
    void KeepOpen()
    {
        if (_keeperTimer is null)
            return;
        lock (_keeperLock)
        {
            if (_disposed)
                return;
            _lastOpened = Environment.TickCount64;
            if (_keeper is null)
            {
                // Cheap: the connection being returned holds the database open.
                _keeper = new DuckDBConnection(_connectionString);
                _keeper.Open();
                _keeperTimer.Change(_keepOpen, Timeout.InfiniteTimeSpan);
            }
        }
    }

    void CloseWhenIdle()
    {
        lock (_keeperLock)
        {
            if (_keeper is null)
                return;
            var idle = TimeSpan.FromMilliseconds(Environment.TickCount64 - _lastOpened);
            if (idle < _keepOpen)
            {
                _keeperTimer!.Change(_keepOpen - idle, Timeout.InfiniteTimeSpan);
                return;
            }
            _keeper.Dispose();
            _keeper = null;
        }
    }

    /// <summary>Whether the keep-open window holds the database open now.</summary>
    public bool IsKeptOpen
    {
        get
        {
            lock (_keeperLock)
                return _keeper is not null;
        }
    }

    /// <summary>Closes the database held by the keep-open window (at the app's end).</summary>
    public void Dispose()
    {
        lock (_keeperLock)
        {
            _disposed = true;
            _keeperTimer?.Dispose();
            _keeper?.Dispose();
            _keeper = null;
        }
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

    /// <summary>
    /// Runs <paramref name="work"/> like <see cref="WriteAsync{T}"/> if no other process has the file open now; false,
    /// without waiting, when one has. For writes that the next one makes up for (a progress bar, a heartbeat).
    /// </summary>
    public async Task<bool> TryWriteNowAsync(Action<DuckDBConnection> work, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            DuckDBConnection connection;
            try
            {
                connection = Open(TimeSpan.Zero);
            }
            catch (StoreLockedException)
            {
                return false;
            }
            using (connection)
                work(connection);
            return true;
        }
        finally
        {
            _writeLock.Release();
        }
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
