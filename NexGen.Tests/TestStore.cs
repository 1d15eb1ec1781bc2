using System.Text;
using Dapper;
using NexGen.Core;
using NexGen.Core.Ingestion;
using NexGen.Core.Store;

namespace NexGen.Tests;

/// <summary>A real DuckDB store in a temporary folder, with the importer over it; deleted on dispose.</summary>
public sealed class TestStore : IAsyncDisposable
{
    public TestStore()
    {
        Folder = Directory.CreateTempSubdirectory("nexgen-test-").FullName;
        Store = new DuckDbStore(Path.Combine(Folder, "store.duckdb"));
        Store.InitializeAsync().GetAwaiter().GetResult();
        History = new ImportHistory(Store);
        Importer = new CsvImporter(Store, History);
    }

    public string Folder { get; }
    public DuckDbStore Store { get; }
    public ImportHistory History { get; }
    public CsvImporter Importer { get; }

    /// <summary>The shared Walmart data beside the repository (../shared/data/walmart).</summary>
    public static string WalmartFile(string name) =>
        Path.GetFullPath(Path.Combine(NexGenPaths.BaseDirectory, "..", "shared", "data", "walmart", name));

    public string WriteFile(string name, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public Task<ImportReport> ImportAsync(DataKind kind, string path, string? map = null, ImportOptions? options = null, CancellationToken cancellationToken = default) =>
        Importer.ImportAsync(new ImportRequest(kind, path, ColumnMapping.Parse(map), options), cancellationToken: cancellationToken);

    public List<T> Query<T>(string sql)
    {
        using var connection = Store.Open();
        return connection.Query<T>(sql).AsList();
    }

    /// <summary>Runs a statement against the store, as another process or an older version would have written it.</summary>
    public void Execute(string sql)
    {
        using var connection = Store.Open();
        connection.Execute(sql);
    }

    public long Count(string table) => Query<long>($"SELECT count(*) FROM {table}").Single();

    /// <summary>Every row of a table as text, sorted: compares whole tables before and after.</summary>
    public string Dump(string table) => string.Join("\n",
        Query<dynamic>($"SELECT COLUMNS(c -> c <> 'import_id') FROM {table} ORDER BY ALL")
            .Select(row => string.Join("|", ((IDictionary<string, object?>)row).Values.Select(v => v?.ToString() ?? "null"))));

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A DuckDB handle still closing; the temp folder is cleaned by the OS.
        }
        return ValueTask.CompletedTask;
    }
}
