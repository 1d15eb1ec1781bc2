using System.Diagnostics;
using Dapper;
using NexGen.Core.Ingestion;
using NexGen.Core.Store;

namespace NexGen.Tests.Store;

public class DuckDbStoreTests
{
    [Fact]
    public async Task OpeningAnOlderStoreUpgradesItAndKeepsItsData()
    {
        var folder = Directory.CreateTempSubdirectory("nexgen-upgrade-").FullName;
        var path = Path.Combine(folder, "old.duckdb");
        var old = new DuckDbStore(path);
        await old.MigrateAsync(1);
        using (var connection = old.Open())
            connection.Execute("INSERT INTO sales VALUES ('S1', 'A', DATE '2024-01-01', 5, NULL, NULL, 0)");
        Assert.Equal(1, old.SchemaVersion());

        var store = new DuckDbStore(path);
        await store.InitializeAsync();

        Assert.Equal(StoreSchema.Latest, store.SchemaVersion());
        using var check = store.Open();
        Assert.Equal(5.0, check.ExecuteScalar<double>("SELECT quantity FROM sales"));
        Assert.Equal(0, check.ExecuteScalar<long>("SELECT count(*) FROM locations"));
        Directory.Delete(folder, true);
    }

    [Theory]
    [InlineData("512MB", "488.2 MiB")]
    [InlineData("2GB", "1.8 GiB")]
    public async Task EveryConnectionHasTheStoresMemoryLimit(string limit, string shown)
    {
        var folder = Directory.CreateTempSubdirectory("nexgen-memory-").FullName;
        var store = new DuckDbStore(Path.Combine(folder, "store.duckdb"), limit);
        await store.InitializeAsync();
        using (var first = store.Open())
        using (var second = store.Open())
        {
            Assert.Equal(shown, first.ExecuteScalar<string>("SELECT current_setting('memory_limit')"));
            Assert.Equal(shown, second.ExecuteScalar<string>("SELECT current_setting('memory_limit')"));
        }
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task StoreTablesHoldEveryCanonicalColumn()
    {
        await using var test = new TestStore();
        foreach (var table in CanonicalTables.All)
        {
            var columns = test.Query<string>($"SELECT column_name FROM information_schema.columns WHERE table_name = '{table.Name}' ORDER BY ordinal_position");
            Assert.Equal(table.Columns.Select(c => c.Name).Append("import_id"), columns);
        }
    }

    [Fact]
    public async Task ReadersSeeAllOrNothingWhileAnImportRuns()
    {
        await using var test = new TestStore();
        var rows = string.Concat(Enumerable.Range(0, 300_000).Select(i => $"S1,A{i % 600},{new DateOnly(2020, 1, 1).AddDays(i / 600):yyyy-MM-dd},1\n"));
        var path = test.WriteFile("big.csv", "location,sku,date,quantity\n" + rows);
        var reader = new StoreInfoReader(test.Store, test.History);

        var import = test.ImportAsync(DataKind.Sales, path);
        var seen = new HashSet<long>();
        while (!import.IsCompleted)
            seen.Add((await reader.ReadAsync()).SalesRows);
        seen.Add((await reader.ReadAsync()).SalesRows);

        Assert.Equal(ImportStatus.Succeeded, (await import).Status);
        Assert.Subset(new HashSet<long> { 0, 300_000 }, seen);
        Assert.Contains(300_000L, seen);
    }

    [Fact]
    public async Task WritersTakeTurns()
    {
        await using var test = new TestStore();
        var files = Enumerable.Range(0, 4).Select(i =>
            test.WriteFile($"f{i}.csv", "location,sku,date,quantity\n" + string.Concat(Enumerable.Range(0, 1000).Select(d => $"S{i},A,{new DateOnly(2020, 1, 1).AddDays(d):yyyy-MM-dd},1\n")))).ToList();
        var reports = await Task.WhenAll(files.Select(f => test.ImportAsync(DataKind.Sales, f)));
        Assert.All(reports, r => Assert.Equal(ImportStatus.Succeeded, r.Status));
        Assert.Equal(4000, test.Count("sales"));
    }

    [Fact]
    public async Task AKeepOpenWindowHoldsTheFileUntilTheAppIsIdleOrGone()
    {
        await using var test = new TestStore();
        var sales = test.WriteFile("s.csv", "location,sku,date,quantity\nS1,A,2024-01-01,1\n");
        var app = new DuckDbStore(test.Store.Path, keepOpen: TimeSpan.FromMinutes(5));
        using (app.Open())
            Assert.True(app.IsKeptOpen);

        // The connection is closed, but the window holds the file: another process cannot write it.
        var whileHeld = await Cli.CliProcess.RunAsync("import", "sales", sales, "--store", test.Store.Path);
        Assert.Equal(1, whileHeld.ExitCode);
        Assert.Contains("is in use by another NexGen process", whileHeld.Error);

        app.Dispose();
        Assert.False(app.IsKeptOpen);
        var afterEnd = await Cli.CliProcess.RunAsync("import", "sales", sales, "--store", test.Store.Path);
        Assert.Equal(0, afterEnd.ExitCode);

        // A short window closes the file by itself once nothing has opened it for that long.
        using var idle = new DuckDbStore(test.Store.Path, keepOpen: TimeSpan.FromMilliseconds(200));
        for (var i = 0; i < 3; i++)
            using (idle.Open())
                Assert.True(idle.IsKeptOpen);
        var closed = Stopwatch.StartNew();
        while (idle.IsKeptOpen && closed.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(50);
        Assert.False(idle.IsKeptOpen);
        var afterIdle = await Cli.CliProcess.RunAsync("import", "sales", sales, "--store", test.Store.Path);
        Assert.Equal(0, afterIdle.ExitCode);

        // A hold shorter than DuckDbStore.LockWait is waited out, not reported.
        using var brief = new DuckDbStore(test.Store.Path, keepOpen: TimeSpan.FromSeconds(3));
        using (brief.Open())
            Assert.True(brief.IsKeptOpen);
        var afterBrief = await Cli.CliProcess.RunAsync("import", "sales", sales, "--store", test.Store.Path);
        Assert.Equal(0, afterBrief.ExitCode);
        Assert.False(brief.IsKeptOpen);
    }
}
