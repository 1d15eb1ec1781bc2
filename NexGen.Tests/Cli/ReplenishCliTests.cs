using NexGen.Tests.Replenishment;

namespace NexGen.Tests.Cli;

/// <summary>
/// <c>replenish</c>, <c>alerts</c> and <c>po</c> through the real CLI process on a store holding
/// <see cref="ReplenishmentTestData"/>, with the CLI's default settings (service level from the ABC x XYZ class).
/// </summary>
public class ReplenishCliTests
{
    [Fact]
    public async Task ReplenishWritesOneRowPerSeriesAndPoCommandsApproveAndExport()
    {
        await using var test = new TestStore();
        await ReplenishmentTestData.CreateAsync(test);
        var csv = Path.Combine(test.Folder, "orders.csv");

        var replenish = await CliProcess.RunAsync("replenish", "--out", csv, "--store", test.Store.Path);

        Assert.True(replenish.ExitCode == 0, replenish.Error);
        Assert.Contains("replenishment run #1 as of 2024-01-28 (forecast run #1): 14 series", replenish.Error);
        Assert.Contains("planning", replenish.Error);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(15, lines.Length);
        Assert.StartsWith("location,sku,order_qty,reason,", lines[0]);
        // A's order is 60 at any class target from 0.90 to 0.98: the MOQ of 50 rounded up to packs of 12.
        Assert.StartsWith("L1,A,60,Order 60 (5 packs of 12)", lines[1]);
        Assert.StartsWith("L2,A,60,", lines[^1]);

        var list = await CliProcess.RunAsync("po", "list", "--store", test.Store.Path);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("PO-1-002", list.Output);

        var badQuantity = await CliProcess.RunAsync("po", "approve", "--location", "L1", "--sku", "A", "--qty", "50", "--store", test.Store.Path);
        var approve = await CliProcess.RunAsync("po", "approve", "--location", "L1", "--sku", "A", "--qty", "72", "--store", test.Store.Path);
        var export = Path.Combine(test.Folder, "po.parquet");
        var exported = await CliProcess.RunAsync("po", "export", "--out", export, "--store", test.Store.Path);
        var nothingLeft = await CliProcess.RunAsync("po", "export", "--out", Path.Combine(test.Folder, "empty.csv"), "--store", test.Store.Path);

        Assert.Equal(2, badQuantity.ExitCode);
        Assert.Contains("Quantity 50 for L1 / A must be whole packs of 12", badQuantity.Error);
        Assert.Equal(0, approve.ExitCode);
        Assert.Contains("Approved 1 lines of replenishment run #1 with quantity 72.", approve.Error);
        Assert.Equal(0, exported.ExitCode);
        Assert.Equal([("L1", "A", 72)], test.Query<(string, string, int)>($"SELECT location, sku, quantity FROM read_parquet('{export}')"));
        Assert.Equal(1, nothingLeft.ExitCode);
        Assert.Contains("No approved line of replenishment run #1 matches", nothingLeft.Error);
    }

    [Fact]
    public async Task AlertsPrintsTheTopAlertsBySeverityThenValueAtRisk()
    {
        await using var test = new TestStore();
        await ReplenishmentTestData.CreateAsync(test);

        var alerts = await CliProcess.RunAsync("alerts", "--top", "2", "--store", test.Store.Path);

        Assert.True(alerts.ExitCode == 0, alerts.Error);
        var lines = alerts.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("severity", lines[0]);
        // B runs out within its lead time: critical, 70 units at 2 = 140 at risk, above every warning.
        Assert.Matches(@"^critical\s+stockout\s+L1\s+B\s+140\.00\s+", lines[1]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("... ", lines[3]);
    }

    [Fact]
    public async Task BadInputExitsTwoAndMissingForecastExitsOne()
    {
        await using var test = new TestStore();

        var badDate = await CliProcess.RunAsync("replenish", "--as-of", "2024-13-01", "--store", test.Store.Path);
        var badOut = await CliProcess.RunAsync("replenish", "--out", "orders.xlsx", "--store", test.Store.Path);
        var badTop = await CliProcess.RunAsync("alerts", "--top", "0", "--store", test.Store.Path);
        var badAction = await CliProcess.RunAsync("po", "send", "--store", test.Store.Path);
        var noForecast = await CliProcess.RunAsync("replenish", "--store", test.Store.Path);
        var noRun = await CliProcess.RunAsync("po", "list", "--store", test.Store.Path);

        Assert.Equal((2, 2, 2, 2), (badDate.ExitCode, badOut.ExitCode, badTop.ExitCode, badAction.ExitCode));
        Assert.Contains("--as-of must be yyyy-MM-dd, not '2024-13-01'", badDate.Error);
        Assert.Contains("usage: nexgen", badAction.Error);
        Assert.Equal((1, 1), (noForecast.ExitCode, noRun.ExitCode));
        Assert.Contains("There is no forecast yet", noForecast.Error);
        Assert.Contains("There is no replenishment run yet", noRun.Error);
    }
}
