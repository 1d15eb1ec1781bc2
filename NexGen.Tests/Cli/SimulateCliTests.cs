namespace NexGen.Tests.Cli;

public class SimulateCliTests
{
    [Fact]
    public async Task SimulatePrintsNaiveBesideNexGenAndWritesOneRowPerSeriesAndPolicy()
    {
        await using var test = await CliProcess.GeneratedStoreAsync(skus: 6, days: 200);
        var output = Path.Combine(test.Folder, "simulation.csv");

        var simulate = await CliProcess.RunAsync("simulate", "--from", "2025-05-01", "--to", "2025-06-12", "--forecaster", "moving-average",
            "--service-levels", "0.95,0.9", "--out", output, "--store", test.Store.Path);

        Assert.True(simulate.ExitCode == 0, simulate.Error);
        Assert.Contains("simulation 2025-05-01 .. 2025-06-12 (43 days), 6 series", simulate.Output);
        Assert.Matches(@"\nnaive +- ", simulate.Output);
        Assert.Matches(@"\nNexGen +0\.90 ", simulate.Output);
        Assert.Matches(@"\nNexGen +0\.95 ", simulate.Output);
        var lines = File.ReadAllLines(output);
        Assert.StartsWith("location,sku,policy,service_level,lead_time,demand,served,fill_rate,", lines[0]);
        Assert.Equal(1 + 6 * 3, lines.Length);
        Assert.StartsWith("L01,SKU00001,naive,,", lines[1]);
        Assert.StartsWith("L01,SKU00001,NexGen,0.9,", lines[2]);
    }

    [Fact]
    public async Task ALocationThatLooksLikeAFormulaIsWrittenEscaped()
    {
        await using var test = await CliProcess.GeneratedStoreAsync(skus: 2, days: 200);
        using (var connection = test.Store.Open())
            foreach (var table in Dapper.SqlMapper.Query<string>(connection,
                "SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = 'location' AND table_schema = 'main'"))
                Dapper.SqlMapper.Execute(connection, $"UPDATE {table} SET location = '=1+1' WHERE location = 'L01'");
        var output = Path.Combine(test.Folder, "simulation.csv");

        var simulate = await CliProcess.RunAsync("simulate", "--from", "2025-05-01", "--to", "2025-06-12", "--forecaster", "moving-average",
            "--out", output, "--store", test.Store.Path);

        Assert.True(simulate.ExitCode == 0, simulate.Error);
        var rows = File.ReadAllLines(output).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.StartsWith("\"'=1+1\",SKU", row));
    }

    [Fact]
    public async Task SimulateOutsideTheHistoryIsRejected()
    {
        await using var test = await CliProcess.GeneratedStoreAsync(skus: 2, days: 60);

        var simulate = await CliProcess.RunAsync("simulate", "--from", "2030-01-01", "--to", "2030-02-01", "--store", test.Store.Path);

        Assert.Equal(2, simulate.ExitCode);
        Assert.Contains("--from and --to must lie inside the sales history", simulate.Error);
    }
}
