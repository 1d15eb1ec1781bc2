using NexGen.Core.Ingestion;
using NexGen.Tests.Cli;

namespace NexGen.Tests.Ingestion;

/// <summary>A real CLI process killed in the middle of an import leaves the store exactly as it was.</summary>
public class KilledImportTests
{
    [Fact]
    public async Task ChildProcessKilledMidImportLeavesTheStoreUnchanged()
    {
        await using var test = new TestStore();
        await test.ImportAsync(DataKind.Sales, test.WriteFile("small.csv", "location,sku,date,quantity\nS1,A,2020-01-01,7\nS1,A,2020-01-02,8\n"));
        var sales = test.Dump("sales");
        var imports = test.Dump("imports");
        var big = WriteLargeSalesFile(test.Folder, rows: 6_000_000);

        using var process = CliProcess.Start("import", "sales", big, "--store", test.Store.Path);
        var progressSeen = new TaskCompletionSource();
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            log.Enqueue(e.Data ?? "");
            if (e.Data?.Contains("rows/s", StringComparison.Ordinal) == true)
                progressSeen.TrySetResult();
        };
        process.BeginErrorReadLine();
        var seen = await Task.WhenAny(progressSeen.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.True(seen == progressSeen.Task, "the import should report progress before it finishes: " + string.Join("\n", log));
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        Assert.Equal(sales, test.Dump("sales"));
        Assert.Equal(imports, test.Dump("imports"));
    }

    static string WriteLargeSalesFile(string folder, int rows)
    {
        var path = Path.Combine(folder, "large.csv");
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 20);
        writer.Write("location,sku,date,quantity\n");
        var start = new DateOnly(2020, 1, 1);
        for (var i = 0; i < rows; i++)
            writer.Write($"L{i % 10},SKU{i / 10 % 3000},{start.AddDays(i / 30_000):yyyy-MM-dd},{i % 17}\n");
        return path;
    }
}
