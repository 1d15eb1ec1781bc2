using NexGen.Core.Ingestion;

namespace NexGen.Tests.Cli;

public class CliTests
{
    [Fact]
    public async Task ImportOfAGoodFileExitsZeroAndInfoShowsIt()
    {
        await using var test = new TestStore();
        var file = test.WriteFile("s.csv", "Store,Dept,Date,Weekly_Sales\n1,1,2010-02-05,10\n1,1,2010-02-12,-2\n");

        var import = await CliProcess.RunAsync("import", "sales", file, "--map", "Store=location,Dept=sku,Weekly_Sales=quantity", "--store", test.Store.Path);
        var info = await CliProcess.RunAsync("info", "--store", test.Store.Path);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Imported 2 sales rows", import.Error);
        Assert.Contains("negative_quantity 1", import.Error);
        Assert.Equal(0, info.ExitCode);
        Assert.Contains("sales:     2 rows", info.Output);
        Assert.Contains("weekly (Friday) grain", info.Output);
    }

    [Fact]
    public async Task RejectedFileExitsTwoWithTheLineAndColumnOnStderr()
    {
        await using var test = new TestStore();
        var file = test.WriteFile("bad.csv", "location,sku,date,quantity\nS1,A,2024-01-01,1\nS1,A,2024-13-01,1\n");

        var import = await CliProcess.RunAsync("import", "sales", file, "--store", test.Store.Path);

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("bad.csv: error line 3, column 3 (date): '2024-13-01'", import.Error);
        Assert.Equal(0, test.Count("sales"));
    }

    [Fact]
    public async Task WrongCommandLineExitsTwoWithUsage()
    {
        var unknownKind = await CliProcess.RunAsync("import", "widgets", "x.csv");
        var unknownOption = await CliProcess.RunAsync("info", "--stor", "x");

        Assert.Equal((2, 2), (unknownKind.ExitCode, unknownOption.ExitCode));
        Assert.Contains("Unknown kind 'widgets'", unknownKind.Error);
        Assert.Contains("Unknown option: --stor", unknownOption.Error);
        Assert.Contains("usage: nexgen import", unknownOption.Error);
    }

    [Fact]
    public async Task MissingFileExitsOne()
    {
        await using var test = new TestStore();
        var import = await CliProcess.RunAsync("import", "sales", Path.Combine(test.Folder, "nope.csv"), "--store", test.Store.Path);
        Assert.Equal(1, import.ExitCode);
        Assert.Contains("No file at", import.Error);
    }

    [Fact]
    public async Task GenerateWritesTheCanonicalFilesThatImportCleanly()
    {
        await using var test = new TestStore();
        var folder = Path.Combine(test.Folder, "gen");

        var generate = await CliProcess.RunAsync("generate", "--locations", "2", "--skus", "5", "--days", "30", "--seed", "7", "--out", folder);
        var reports = await new FolderImporter(test.Importer).ImportAsync(folder);

        Assert.Equal(0, generate.ExitCode);
        Assert.Equal(6, reports.Count);
        Assert.All(reports, r => Assert.Equal(ImportStatus.Succeeded, r.Status));
        Assert.Equal(2 * 5 * 30, test.Count("sales"));
    }

    [Fact]
    public async Task ForecastWritesTheFileAndModelsListShowsTheActiveModel()
    {
        await using var test = await CliProcess.GeneratedStoreAsync(skus: 6, days: 200);
        var output = Path.Combine(test.Folder, "forecast.csv");

        var forecast = await CliProcess.RunAsync("forecast", "--horizon", "7", "--out", output, "--trees", "20", "--max-rows", "20000",
            "--calibration-windows", "1", "--store", test.Store.Path);
        var models = await CliProcess.RunAsync("models", "list", "--store", test.Store.Path);

        Assert.True(forecast.ExitCode == 0, forecast.Error);
        var lines = File.ReadAllLines(output);
        Assert.Equal("location,sku,date,forecast,p10,p50,p90,p95,model", lines[0]);
        Assert.Equal(1 + 6 * 7, lines.Length);
        Assert.StartsWith("L01,SKU00001,2025-06-13,", lines[1]);
        Assert.Contains("*", models.Output);
    }

    [Fact]
    public async Task ForecastPredictUsesTheActiveModelAndGivesTheSameFile()
    {
        await using var test = await CliProcess.GeneratedStoreAsync(skus: 6, days: 200);
        var trained = Path.Combine(test.Folder, "trained.csv");
        var predicted = Path.Combine(test.Folder, "predicted.csv");
        string[] small = ["--trees", "20", "--max-rows", "20000", "--calibration-windows", "1", "--store", test.Store.Path];

        var train = await CliProcess.RunAsync(["forecast", "--horizon", "7", "--out", trained, .. small]);
        var predict = await CliProcess.RunAsync(["forecast", "--horizon", "7", "--out", predicted, "--predict", .. small]);

        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.Contains("\"model\":\"retrained\"", train.Error);
        Assert.Contains("\"model\":\"forecast with model 1\"", predict.Error);
        Assert.Equal(File.ReadAllBytes(trained), File.ReadAllBytes(predicted));
    }
}
