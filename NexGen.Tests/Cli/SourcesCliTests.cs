using NexGen.Tests.Ingestion;

namespace NexGen.Tests.Cli;

/// <summary><c>nexgen sources list|load</c> as a child process, configured through the environment, on the PostgreSQL of ./test.sh.</summary>
public class SourcesCliTests
{
    static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["NexGen__Sources__0__Name"] = "pos",
        ["NexGen__Sources__0__Provider"] = "postgresql",
        ["NexGen__Sources__0__ConnectionStringName"] = "NEXGEN_CLI_TEST_POS",
        ["NexGen__Sources__0__Kind"] = "Sales",
        ["NexGen__Sources__0__Table"] = "pos_sales",
        ["NexGen__Sources__0__Watermark"] = "changed",
        ["NEXGEN_CLI_TEST_POS"] = connectionString,
    };

    [Fact]
    public async Task LoadReadsNewRowsAndListShowsTheWatermark()
    {
        await using var postgres = await TestPostgres.CreateAsync();
        await postgres.ExecuteAsync("""
            CREATE TABLE pos_sales (store text, sku text, date date, quantity integer, changed bigint);
            INSERT INTO pos_sales VALUES ('S1', 'A', '2024-03-01', 4, 101), ('S1', 'A', '2024-03-02', 5, 102);
            """);
        await using var test = new TestStore();
        var settings = Settings(postgres.ConnectionString);

        var first = await CliProcess.RunAsync(settings, "sources", "load", "pos", "--store", test.Store.Path);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Imported 2 sales rows from source pos.", first.Error);
        Assert.Contains("full load; watermark now 102", first.Error);

        await postgres.ExecuteAsync("INSERT INTO pos_sales VALUES ('S1', 'A', '2024-03-03', 6, 103)");
        var second = await CliProcess.RunAsync(settings, "sources", "load", "pos", "--store", test.Store.Path);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Imported 1 sales rows from source pos.", second.Error);
        Assert.Contains("incremental load: changed above 102; watermark now 103", second.Error);
        Assert.Equal([4.0, 5, 6], test.Query<double>("SELECT quantity FROM sales ORDER BY date"));

        var list = await CliProcess.RunAsync(settings, "sources", "list", "--store", test.Store.Path);
        Assert.Equal(0, list.ExitCode);
        var line = Assert.Single(list.Output.Split('\n'), l => l.StartsWith("pos ", StringComparison.Ordinal));
        Assert.Matches(@"^pos\s+postgresql\s+sales\s+NEXGEN_CLI_TEST_POS \(set\)\s+changed = 103\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", line);
        Assert.DoesNotContain(postgres.Database, list.Output + list.Error + first.Error + second.Error);
    }

    [Fact]
    public async Task RejectedRowsExitTwoAndAnUnknownSourceIsAUsageError()
    {
        await using var postgres = await TestPostgres.CreateAsync();
        await postgres.ExecuteAsync("""
            CREATE TABLE pos_sales (store text, sku text, date date, quantity text, changed bigint);
            INSERT INTO pos_sales VALUES ('S1', 'A', '2024-03-01', 'four', 101);
            """);
        await using var test = new TestStore();
        var settings = Settings(postgres.ConnectionString);

        var rejected = await CliProcess.RunAsync(settings, "sources", "load", "pos", "--store", test.Store.Path);
        Assert.Equal(2, rejected.ExitCode);
        Assert.Contains("source pos: error row 1, column 4 (quantity): 'four' is not a finite number", rejected.Error);

        var unknown = await CliProcess.RunAsync(settings, "sources", "load", "nope", "--store", test.Store.Path);
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("No source named 'nope'; the sources are: pos.", unknown.Error);
    }
}
