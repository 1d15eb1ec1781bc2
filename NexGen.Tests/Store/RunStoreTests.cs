using System.Diagnostics;
using System.Security.Cryptography;
using Dapper;
using NexGen.Core.Store;

namespace NexGen.Tests.Store;

public class RunStoreTests
{
    static readonly DateOnly Day = new(2024, 3, 1);

    static ForecastRow Row(string location, string sku, int day, double forecast, string model = "global") =>
        new(location, sku, Day.AddDays(day), forecast, forecast * 0.5, forecast, forecast * 1.5, forecast * 2, model);

    static IEnumerable<ForecastRow> ThrowingAfter(int rows)
    {
        for (var i = 0; i < rows; i++)
            yield return Row("S1", "A", i, 10 + i);
        throw new InvalidOperationException("the model broke");
    }

    [Fact]
    public async Task ACompletedRunHoldsItsForecastsAndBecomesTheLatestSucceeded()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);

        var id = await runs.StartAsync("forecast", "manual", """{"horizon":28}""", "import 4");
        var started = await runs.FindAsync(id);
        Assert.Equal("running", started!.Status);
        Assert.Equal(0, started.Progress);
        Assert.Null(started.Finished);
        Assert.Null(await runs.LatestSucceededAsync("forecast"));

        await runs.ReportProgressAsync(id, 0.4, "training");
        var running = await runs.FindAsync(id);
        Assert.Equal((0.4, "training"), (running!.Progress, running.Phase));

        // Out of order on purpose: reads come back ordered by location, sku, date.
        await runs.CompleteAsync(id, """{"wrmsse":0.8}""", 7, [Row("S2", "A", 0, 3), Row("S1", "B", 1, 2), Row("S1", "B", 0, 1)]);

        var run = await runs.FindAsync(id);
        Assert.Equal("succeeded", run!.Status);
        Assert.Equal(1, run.Progress);
        Assert.Equal("training", run.Phase);
        Assert.Equal("""{"wrmsse":0.8}""", run.Metrics);
        Assert.Equal(7, run.ModelId);
        Assert.Equal(("forecast", "manual", """{"horizon":28}""", "import 4"), (run.Kind, run.Trigger, run.Parameters, run.DataVersion));
        Assert.NotNull(run.Finished);
        Assert.True(run.Finished >= run.Started);
        Assert.Null(run.Error);
        Assert.Equal([Row("S1", "B", 0, 1), Row("S1", "B", 1, 2), Row("S2", "A", 0, 3)], await runs.ForecastsAsync(id));
        Assert.Equal(id, (await runs.LatestSucceededAsync("forecast"))!.Id);
        Assert.Null(await runs.LatestSucceededAsync("backtest"));
    }

    [Fact]
    public async Task ForecastsCanBeFilteredBySeriesAndDates()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        var id = await runs.StartAsync("forecast", "api", "{}", null);
        await runs.CompleteAsync(id, null, null,
            Enumerable.Range(0, 5).SelectMany(d => new[] { Row("S1", "A", d, d), Row("S1", "B", d, d), Row("S2", "A", d, d) }));

        Assert.Equal(15, (await runs.ForecastsAsync(id)).Count);
        Assert.Equal(10, (await runs.ForecastsAsync(id, sku: "A")).Count);
        var window = await runs.ForecastsAsync(id, location: "S1", sku: "B", from: Day.AddDays(1), to: Day.AddDays(3));
        Assert.Equal([Day.AddDays(1), Day.AddDays(2), Day.AddDays(3)], window.Select(r => r.Date));
        Assert.All(window, r => Assert.Equal(("S1", "B"), (r.Location, r.Sku)));
        Assert.Empty(await runs.ForecastsAsync(id + 1));
    }

    [Fact]
    public async Task ACompletionThatThrowsMidwayLeavesNoForecastsAndTheRunRunningUntilFailed()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        var id = await runs.StartAsync("forecast", "schedule", "{}", null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runs.CompleteAsync(id, "{}", 1, ThrowingAfter(2)));

        Assert.Equal("the model broke", error.Message);
        Assert.Equal(0, test.Count("forecasts"));
        var run = await runs.FindAsync(id);
        Assert.Equal(("running", 0.0, (DateTime?)null, (string?)null), (run!.Status, run.Progress, run.Finished, run.Metrics));

        await runs.FailAsync(id, cancelled: false, error.Message);

        var failed = await runs.FindAsync(id);
        Assert.Equal(("failed", "the model broke"), (failed!.Status, failed.Error));
        Assert.NotNull(failed.Finished);
        Assert.Null(await runs.LatestSucceededAsync("forecast"));
    }

    [Fact]
    public async Task ACancelledCompletionWritesNothingAndTheRunIsRecordedAsCancelled()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        var id = await runs.StartAsync("train", "manual", "{}", null);
        using var cancel = new CancellationTokenSource();

        IEnumerable<ForecastRow> CancelAfterFirstRow()
        {
            yield return Row("S1", "A", 0, 1);
            cancel.Cancel();
            yield return Row("S1", "A", 1, 1);
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runs.CompleteAsync(id, null, null, CancelAfterFirstRow(), cancel.Token));
        await runs.FailAsync(id, cancelled: true, "cancelled by the user");

        var run = await runs.FindAsync(id);
        Assert.Equal(("cancelled", "cancelled by the user"), (run!.Status, run.Error));
        Assert.Equal(0, test.Count("forecasts"));
    }

    [Fact]
    public async Task AnEndedRunCannotBeCompletedOrFailedAgain()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        var id = await runs.StartAsync("forecast", "cli", "{}", null);
        await runs.CompleteAsync(id, null, null, [Row("S1", "A", 0, 1)]);

        await runs.FailAsync(id, cancelled: false, "late failure");
        await runs.ReportProgressAsync(id, 0.2, "late progress");
        await Assert.ThrowsAsync<InvalidOperationException>(() => runs.CompleteAsync(id, null, null, [Row("S1", "A", 1, 1)]));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => runs.FailAsync(id + 1, cancelled: false, "unknown"));

        var run = await runs.FindAsync(id);
        Assert.Equal(("succeeded", 1.0, (string?)null, (string?)null), (run!.Status, run.Progress, run.Phase, run.Error));
        Assert.Single(await runs.ForecastsAsync(id));
    }

    [Fact]
    public async Task AFailedRunLeavesThePreviousRunsForecastsActive()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        var first = await runs.StartAsync("forecast", "manual", "{}", null);
        await runs.CompleteAsync(first, null, null, [Row("S1", "A", 0, 1), Row("S1", "A", 1, 2)]);

        var second = await runs.StartAsync("forecast", "manual", "{}", null);
        await Assert.ThrowsAsync<InvalidOperationException>(() => runs.CompleteAsync(second, null, null, ThrowingAfter(2)));
        await runs.FailAsync(second, cancelled: false, "the model broke");

        Assert.Equal(first, (await runs.LatestSucceededAsync("forecast"))!.Id);
        Assert.Equal([Row("S1", "A", 0, 1), Row("S1", "A", 1, 2)], await runs.ForecastsAsync(first));
        Assert.Empty(await runs.ForecastsAsync(second));
        Assert.Equal(2, test.Count("forecasts"));
    }

    [Fact]
    public async Task OnlyRunsWhoseProcessHasEndedAreMarkedInterrupted()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        var done = await runs.StartAsync("forecast", "manual", "{}", null);
        await runs.CompleteAsync(done, null, null, []);
        var ownRun = await runs.StartAsync("forecast", "manual", "{}", null);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
            ids.Add(await runs.StartAsync("backtest", "cli", "{}", null));
        var (deadHere, aliveHere, staleElsewhere, freshElsewhere, legacy) = (ids[0], ids[1], ids[2], ids[3], ids[4]);

        // Owners as other processes would have recorded them: a process of this machine that has exited, one still
        // running, a process on another machine silent for longer than StaleAfter, one that beat a moment ago, and a
        // run recorded before runs had owners.
        using var exited = Process.Start(new ProcessStartInfo("true"))!;
        await exited.WaitForExitAsync();
        using var sleeping = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        try
        {
            var now = DateTime.UtcNow;
            void Own(long id, string? owner, DateTime? heartbeat) => test.Execute(
                $"UPDATE runs SET owner = {(owner is null ? "NULL" : $"'{owner}'")}, heartbeat = {(heartbeat is { } h ? $"TIMESTAMP '{h:yyyy-MM-dd HH:mm:ss}'" : "NULL")} WHERE id = {id}");
            Own(deadHere, $"{Environment.MachineName}/{exited.Id}/638000000000000000", now);
            Own(aliveHere, RunOwner.Of(sleeping), now - TimeSpan.FromHours(1));
            Own(staleElsewhere, "other-host/4242/638000000000000000", now - RunStore.StaleAfter - TimeSpan.FromMinutes(1));
            Own(freshElsewhere, "other-host/4243/638000000000000000", now);
            Own(legacy, null, null);

            // Another process over the same file, starting up.
            var restarted = new RunStore(new DuckDbStore(test.Store.Path));
            Assert.Equal(3, await restarted.MarkInterruptedAsync());
            Assert.Equal(0, await restarted.MarkInterruptedAsync());

            foreach (var id in new[] { deadHere, staleElsewhere, legacy })
            {
                var run = await runs.FindAsync(id);
                Assert.Equal(("failed", "interrupted"), (run!.Status, run.Error));
                Assert.NotNull(run.Finished);
            }
            foreach (var id in new[] { ownRun, aliveHere, freshElsewhere })
                Assert.Equal("running", (await runs.FindAsync(id))!.Status);
            Assert.Equal("succeeded", (await runs.FindAsync(done))!.Status);
        }
        finally
        {
            sleeping.Kill();
        }
    }

    [Fact]
    public async Task AKeptAliveRunRenewsItsHeartbeat()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        var id = await runs.StartAsync("forecast", "cli", "{}", null);
        Assert.Equal(RunOwner.Current, test.Query<string>($"SELECT owner FROM runs WHERE id = {id}").Single());
        test.Execute($"UPDATE runs SET heartbeat = TIMESTAMP '2020-01-01 00:00:00' WHERE id = {id}");

        await using (runs.KeepAlive(id, TimeSpan.FromMilliseconds(200)))
            await Poll.UntilAsync(() => Task.FromResult(test.Query<DateTime>($"SELECT heartbeat FROM runs WHERE id = {id}").Single().Year > 2020),
                TimeSpan.FromSeconds(10), "the heartbeat is renewed");
    }

    [Fact]
    public async Task RecentRunsComeNewestFirst()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        var ids = new List<long>();
        foreach (var kind in new[] { "forecast", "backtest", "train", "forecast" })
            ids.Add(await runs.StartAsync(kind, "manual", "{}", null));

        var recent = await runs.RecentAsync(3);

        Assert.Equal(ids.AsEnumerable().Reverse().Take(3), recent.Select(r => r.Id));
        Assert.Equal(["forecast", "train", "backtest"], recent.Select(r => r.Kind));
    }

    [Fact]
    public async Task UnknownKindsAndTriggersAreRejected()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        await Assert.ThrowsAsync<ArgumentException>(() => runs.StartAsync("predict", "manual", "{}", null));
        await Assert.ThrowsAsync<ArgumentException>(() => runs.StartAsync("forecast", "cron", "{}", null));
        Assert.Equal(0, test.Count("runs"));
    }

    [Fact]
    public async Task ExportToCsvWritesTheRunsRowsOrderedWithAHeaderAndIsoDates()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        var other = await runs.StartAsync("forecast", "manual", "{}", null);
        await runs.CompleteAsync(other, null, null, [Row("S0", "A", 0, 99)]);
        var id = await runs.StartAsync("forecast", "manual", "{}", null);
        await runs.CompleteAsync(id, null, null,
        [
            new ForecastRow("S2", "A", new DateOnly(2024, 3, 2), 1.5, null, null, null, null, "seasonal_naive"),
            new ForecastRow("S1", "B", new DateOnly(2024, 12, 31), 10, 4.25, 9.5, 15, 17.125, "global"),
        ]);
        var path = Path.Combine(test.Folder, "forecast.csv");

        await runs.ExportForecastsAsync(id, path, "csv");

        Assert.Equal("""
            location,sku,date,forecast,p10,p50,p90,p95,model
            S1,B,2024-12-31,10.0,4.25,9.5,15.0,17.125,global
            S2,A,2024-03-02,1.5,,,,,seasonal_naive

            """.ReplaceLineEndings("\n"), File.ReadAllText(path).ReplaceLineEndings("\n"));
        var first = File.ReadAllBytes(path);
        await runs.ExportForecastsAsync(id, path, "csv");
        Assert.Equal(first, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(test.Folder, "forecast*"));
    }

    [Fact]
    public async Task CsvExportEscapesCellsASpreadsheetWouldRunAsFormulasAndKeepsTheFilter()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        var id = await runs.StartAsync("forecast", "manual", "{}", null);
        await runs.CompleteAsync(id, null, null,
        [
            new ForecastRow("+S1", "=HYPERLINK(\"http://x\")", new DateOnly(2024, 3, 1), 2, null, null, null, null, "@SUM(A1)"),
            new ForecastRow("-S2", "A", new DateOnly(2024, 3, 1), 3, null, null, null, null, "global"),
            new ForecastRow("S3", "a=b", new DateOnly(2024, 3, 2), 4, null, null, null, null, "global"),
        ]);
        var path = Path.Combine(test.Folder, "safe.csv");

        await runs.ExportForecastsAsync(id, new ForecastFilter(From: new DateOnly(2024, 3, 1), To: new DateOnly(2024, 3, 1)), path, "csv");

        Assert.Equal("""
            location,sku,date,forecast,p10,p50,p90,p95,model
            '+S1,"'=HYPERLINK(""http://x"")",2024-03-01,2.0,,,,,'@SUM(A1)
            '-S2,A,2024-03-01,3.0,,,,,global

            """.ReplaceLineEndings("\n"), File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ExportToParquetReadsBackAndIsByteIdenticalForTheSameData()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        var id = await runs.StartAsync("forecast", "manual", "{}", null);
        // Enough rows for two parquet row groups, written in shuffled order, so that ordering and threading both get a chance to differ.
        var rows = Enumerable.Range(0, 150_000)
            .Select(i => Row($"S{i % 7}", $"A{i % 1000}", i / 3500, i % 97 + 0.25, i % 5 == 0 ? "seasonal_naive" : "global"))
            .OrderBy(r => HashCode.Combine(r.Location, r.Sku, r.Date)).ToList();
        await runs.CompleteAsync(id, null, null, rows);
        var first = Path.Combine(test.Folder, "first.parquet");
        var second = Path.Combine(test.Folder, "second.parquet");

        await runs.ExportForecastsAsync(id, first, "parquet");
        await runs.ExportForecastsAsync(id, second, "parquet");

        Assert.Equal(SHA256.HashData(File.ReadAllBytes(first)), SHA256.HashData(File.ReadAllBytes(second)));
        using var connection = test.Store.Open();
        var columns = connection.Query<string>($"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('{first}'))").AsList();
        Assert.Equal(["location", "sku", "date", "forecast", "p10", "p50", "p90", "p95", "model"], columns);
        var back = connection.Query<ForecastRow>($"SELECT * FROM read_parquet('{first}')").AsList();
        Assert.Equal(await runs.ForecastsAsync(id), back);
        Assert.Equal(rows.OrderBy(r => r.Location, StringComparer.Ordinal).ThenBy(r => r.Sku, StringComparer.Ordinal).ThenBy(r => r.Date),
            back);
    }

    [Fact]
    public async Task AStoreAtSchemaVersion2UpgradesToHoldRunsAndModels()
    {
        var folder = Directory.CreateTempSubdirectory("nexgen-upgrade-").FullName;
        var path = Path.Combine(folder, "v2.duckdb");
        var old = new DuckDbStore(path);
        await old.MigrateAsync(2);
        using (var connection = old.Open())
        {
            connection.Execute("INSERT INTO sales VALUES ('S1', 'A', DATE '2024-01-01', 5, NULL, NULL, 0)");
            connection.Execute("INSERT INTO dataset VALUES ('sales_grain', 'day')");
            Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'runs'"));
        }
        Assert.Equal(2, old.SchemaVersion());

        var store = new DuckDbStore(path);
        await store.InitializeAsync();

        Assert.Equal(StoreSchema.Latest, store.SchemaVersion());
        var runs = new RunStore(store);
        var id = await runs.StartAsync("forecast", "manual", "{}", null);
        await runs.CompleteAsync(id, null, null, [Row("S1", "A", 0, 5)]);
        Assert.Single(await runs.ForecastsAsync(id));
        var registry = new ModelRegistry(store);
        Assert.Null(await registry.ActiveAsync());
        using (var check = store.Open())
        {
            Assert.Equal(5.0, check.ExecuteScalar<double>("SELECT quantity FROM sales"));
            Assert.Equal("day", check.ExecuteScalar<string>("SELECT value FROM dataset WHERE key = 'sales_grain'"));
        }
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task ExportRejectsAnUnknownRunOrFormat()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        var id = await runs.StartAsync("forecast", "manual", "{}", null);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => runs.ExportForecastsAsync(id + 1, Path.Combine(test.Folder, "x.csv"), "csv"));
        await Assert.ThrowsAsync<ArgumentException>(() => runs.ExportForecastsAsync(id, Path.Combine(test.Folder, "x.xlsx"), "xlsx"));
        Assert.Empty(Directory.GetFiles(test.Folder, "x*"));
    }
}
