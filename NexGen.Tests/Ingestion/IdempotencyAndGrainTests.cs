using NexGen.Core.Ingestion;

namespace NexGen.Tests.Ingestion;

public class IdempotencyAndGrainTests
{
    [Fact]
    public async Task ImportingTheSameFileTwiceLeavesTheSameRows()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("s.csv", "location,sku,date,quantity\nS1,A,2024-01-01,1\nS1,A,2024-01-02,2\nS2,A,2024-01-01,3\n");
        await test.ImportAsync(DataKind.Sales, path);
        var first = test.Dump("sales");
        var again = await test.ImportAsync(DataKind.Sales, path);
        Assert.Equal(ImportStatus.Succeeded, again.Status);
        Assert.Equal(first, test.Dump("sales"));
        Assert.Equal(3, test.Count("sales"));
        Assert.Equal(2, test.Count("imports"));
    }

    [Fact]
    public async Task ANewerFileReplacesTheRowsWithTheSameKeyAndKeepsTheOthers()
    {
        await using var test = new TestStore();
        await test.ImportAsync(DataKind.Sales, test.WriteFile("a.csv", "location,sku,date,quantity\nS1,A,2024-01-01,1\nS1,A,2024-01-02,2\n"));
        await test.ImportAsync(DataKind.Sales, test.WriteFile("b.csv", "location,sku,date,quantity\nS1,A,2024-01-02,20\nS1,A,2024-01-03,30\n"));
        Assert.Equal([1, 20, 30], test.Query<double>("SELECT quantity FROM sales ORDER BY date"));
    }

    [Fact]
    public async Task ProductsAreUpsertedBySku()
    {
        await using var test = new TestStore();
        await test.ImportAsync(DataKind.Products, test.WriteFile("a.csv", "sku,name,pack_size\nA,Apple,6\nB,Banana,12\n"));
        await test.ImportAsync(DataKind.Products, test.WriteFile("b.csv", "sku,name,pack_size\nA,Apple (new),12\n"));
        Assert.Equal(["A|Apple (new)|12", "B|Banana|12"], test.Query<string>("SELECT sku || '|' || name || '|' || pack_size FROM products ORDER BY sku"));
    }

    [Fact]
    public async Task ATwoColumnLeadTimeFileUpdatesOnlyTheLeadTimes()
    {
        await using var test = new TestStore();
        await test.ImportAsync(DataKind.Products, test.WriteFile("all.csv",
            "sku,name,category,unit_cost,unit_price,pack_size,min_order_qty,max_order_qty,lead_time_days,supplier\n" +
            "A,Apple,Fruit,0.4,0.9,6,12,600,5,Orchard Co\nB,Banana,Fruit,0.2,0.5,12,24,1200,7,Tropic Ltd\n"));
        var before = test.Dump("products");

        var report = await test.ImportAsync(DataKind.Products, test.WriteFile("lead.csv", "sku,lead_time_days\nA,9\nC,3\n"));

        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Contains("updated lead_time_days", report.Message);
        Assert.Contains("supplier", report.KeptColumns);
        Assert.DoesNotContain("lead_time_days", report.KeptColumns);
        Assert.Equal(
            ["A|Apple|Fruit|0.4|0.9|6|12.0|600.0|9|Orchard Co", "B|Banana|Fruit|0.2|0.5|12|24.0|1200.0|7|Tropic Ltd", "C||||||||3|"],
            test.Query<string>("""
                SELECT concat_ws('|', sku, coalesce(name, ''), coalesce(category, ''), coalesce(unit_cost::VARCHAR, ''), coalesce(unit_price::VARCHAR, ''),
                    coalesce(pack_size::VARCHAR, ''), coalesce(min_order_qty::VARCHAR, ''), coalesce(max_order_qty::VARCHAR, ''),
                    coalesce(lead_time_days::VARCHAR, ''), coalesce(supplier, '')) FROM products ORDER BY sku
                """));
        Assert.NotEqual(before, test.Dump("products"));
    }

    [Fact]
    public async Task ReplacingRowsClearsTheColumnsTheFileDoesNotCarry()
    {
        await using var test = new TestStore();
        await test.ImportAsync(DataKind.Products, test.WriteFile("all.csv", "sku,name,lead_time_days,supplier\nA,Apple,5,Orchard Co\n"));

        var report = await test.ImportAsync(DataKind.Products, test.WriteFile("lead.csv", "sku,lead_time_days\nA,9\n"), options: new ImportOptions { ReplaceRows = true });

        Assert.Empty(report.KeptColumns);
        Assert.Equal(["A||9|"], test.Query<string>("SELECT concat_ws('|', sku, coalesce(name, ''), lead_time_days, coalesce(supplier, '')) FROM products"));
    }

    [Fact]
    public async Task DailyGrainIsDetectedAndGapsAreReported()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("d.csv", "location,sku,date,quantity\nS1,A,2024-01-01,1\nS1,A,2024-01-02,1\nS1,A,2024-01-05,1\nS1,B,2024-01-01,1\nS1,B,2024-01-02,1\n");
        var report = await test.ImportAsync(DataKind.Sales, path);
        Assert.Equal("daily", report.Grain);
        Assert.Equal((1L, 2L), (report.SeriesWithGaps, report.MissingPeriods));
        var gap = Assert.Single(report.Warnings);
        Assert.Equal("gap", gap.Code);
        Assert.Contains("2 missing days between 2024-01-02 and 2024-01-05", gap.Reason);
        Assert.Equal(["daily"], test.Query<string>("SELECT value FROM dataset WHERE key = 'sales_grain'"));
    }

    [Fact]
    public async Task WeeklyGrainRecordsItsWeekday()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("w.csv", "location,sku,date,quantity\nS1,A,2010-02-05,1\nS1,A,2010-02-12,1\nS1,A,2010-02-19,1\n");
        var report = await test.ImportAsync(DataKind.Sales, path);
        Assert.Equal("weekly (Friday)", report.Grain);
    }

    [Fact]
    public async Task DailyFileIntoAWeeklyStoreIsRejected()
    {
        await using var test = new TestStore();
        await test.ImportAsync(DataKind.Sales, test.WriteFile("w.csv", "location,sku,date,quantity\nS1,A,2010-02-05,1\nS1,A,2010-02-12,1\n"));
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("d.csv", "location,sku,date,quantity\nS2,A,2010-02-05,1\nS2,A,2010-02-06,1\n"));
        Assert.Equal(ImportStatus.Rejected, report.Status);
        Assert.Contains("weekly (Friday) sales", report.Errors.Single().Reason);
        Assert.Equal(2, test.Count("sales"));
    }

    [Fact]
    public async Task IrregularDatesAreRejected()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("m.csv", "location,sku,date,quantity\nS1,A,2024-01-01,1\nS1,A,2024-02-01,1\nS1,A,2024-03-03,1\n"));
        Assert.Equal("irregular_dates", report.Errors.Single().Code);
    }

    [Fact]
    public async Task CancelledImportChangesNothingAndIsAudited()
    {
        await using var test = new TestStore();
        var rows = string.Concat(Enumerable.Range(0, 200_000).Select(i => $"S1,A{i % 500},{new DateOnly(2020, 1, 1).AddDays(i / 500):yyyy-MM-dd},1\n"));
        var path = test.WriteFile("big.csv", "location,sku,date,quantity\n" + rows);
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p => { if (p.Rows >= 65_536) cancel.Cancel(); });
        var report = await test.Importer.ImportAsync(new ImportRequest(DataKind.Sales, path), progress, cancel.Token);
        Assert.Equal(ImportStatus.Cancelled, report.Status);
        Assert.Equal(0, test.Count("sales"));
        Assert.Equal(["cancelled"], test.Query<string>("SELECT status FROM imports"));
    }

    [Fact]
    public async Task AnImportCancelledAtAnyMomentEndsCancelledOrDoneAndNeverHangs()
    {
        // Cancelled from another thread (as the upload page's Cancel button does), the parser and the appending
        // thread must both stop, whichever sees the cancellation first and whatever either is waiting for.
        await using var test = new TestStore();
        var rows = new System.Text.StringBuilder("location,sku,date,quantity\n");
        for (var i = 0; i < 1_000_000; i++)
            rows.Append($"S{i % 7},A{i % 500},{new DateOnly(2020, 1, 1).AddDays(i / 3_500):yyyy-MM-dd},{i % 13}\n");
        var path = test.WriteFile("big.csv", rows.ToString());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(ImportStatus.Succeeded, (await test.Importer.ImportAsync(new ImportRequest(DataKind.Sales, path))).Status);
        var full = clock.Elapsed;
        var stored = test.Count("sales");

        const int attempts = 20;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            using var cancel = new CancellationTokenSource(full * (attempt + 0.5) / attempts);
            var report = await test.Importer.ImportAsync(new ImportRequest(DataKind.Sales, path), null, cancel.Token).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(report.Status is ImportStatus.Cancelled or ImportStatus.Succeeded, $"attempt {attempt}: {report.Status}: {report.Message}");
            Assert.Equal(stored, test.Count("sales"));
        }
    }

    sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
