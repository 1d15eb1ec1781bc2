using System.Globalization;
using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Playwright;
using NexGen.Core.Forecasting;
using NexGen.Core.Jobs;
using NexGen.Core.Store;

namespace NexGen.Tests.Web;

/// <summary>
/// The Forecasts &amp; runs page in a real browser against the whole app on <see cref="WebSamples"/> (weekly, 10 weeks):
/// the Run forecast button with live progress on every open page and cancel, the run history, the model registry and
/// the forecast downloads.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RunsPageTests(BrowserFixture browser) : IAsyncLifetime
{
    readonly string _folder = Directory.CreateTempSubdirectory("nexgen-runs-page-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    static Task<IPage> OpenRunsPageAsync(BrowserFixture browser, NexGenWebApp app) => browser.OpenLiveAsync(app.BaseUrl + "/runs", "runs-page");

    static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task ARunStartedOnThePageIsFollowedLiveOnEveryOpenPageAndEndsInTheHistoryWithItsModel()
    {
        await using var app = NexGenWebApp.Start();
        var service = app.GetRequiredService<ForecastService>();
        var page = await OpenRunsPageAsync(browser, app);
        // A second planner has the page open too.
        var other = await OpenRunsPageAsync(browser, app);
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=no-runs]")).ToContainTextAsync("No run yet");
            await Assertions.Expect(page.Locator("[data-testid=no-models]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=rollback]")).ToBeDisabledAsync();
            var horizon = page.Locator("[data-testid=run-horizon] input, input[data-testid=run-horizon]").First;
            await Assertions.Expect(horizon).ToHaveValueAsync("13"); // the samples are weekly: a quarter
            await horizon.FillAsync("4");
            await horizon.PressAsync("Tab");

            RunProgress step;
            using (var hold = new RunHold(service))
            {
                await page.Locator("[data-testid=run-forecast]").ClickAsync();
                step = await hold.Held;

                foreach (var open in new[] { page, other })
                {
                    var progress = open.Locator("[data-testid=run-progress]");
                    await Assertions.Expect(progress).ToHaveAttributeAsync("data-run-id", Id(step.RunId));
                    await Assertions.Expect(progress.Locator("[data-testid=run-phase]")).ToHaveTextAsync(step.Phase, new() { IgnoreCase = true });
                    await Assertions.Expect(progress.Locator("[data-testid=run-percent]")).ToHaveTextAsync($"{step.Fraction * 100:0} %");
                    await Assertions.Expect(open.Locator("[data-testid=run-forecast]")).ToHaveCountAsync(0);
                    // The run was started from the dashboard: any open page may cancel it.
                    await Assertions.Expect(open.Locator("[data-testid=cancel-run]")).ToBeEnabledAsync();
                    await Assertions.Expect(open.Locator($"[data-testid=run-history] tr[data-run-id='{step.RunId}']"))
                        .ToHaveAttributeAsync("data-status", "running");
                }
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("runs-progress") });
            }

            // Both pages follow the run to its end without a reload.
            foreach (var open in new[] { page, other })
                await Assertions.Expect(open.Locator($"[data-testid=run-history] tr[data-run-id='{step.RunId}']"))
                    .ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 60_000 });
            var run = (await app.GetRequiredService<RunStore>().FindAsync(step.RunId))!;
            Assert.Equal(("succeeded", "manual"), (run.Status, run.Trigger));
            Assert.Contains("\"horizon\":4", run.Parameters);

            var row = page.Locator($"[data-testid=run-history] tr[data-run-id='{run.Id}']");
            await Assertions.Expect(row.Locator("[data-cell=kind]")).ToHaveTextAsync("forecast");
            await Assertions.Expect(row.Locator("[data-cell=trigger]")).ToHaveTextAsync("manual");
            await Assertions.Expect(row).ToContainTextAsync("2024-03-08 · 4 wk");
            var (nexGen, naive) = Backtest(run);
            await Assertions.Expect(row.Locator("[data-cell=wape]")).ToHaveTextAsync($"{Percent(nexGen.Wape)} vs {Percent(naive.Wape)}");
            await Assertions.Expect(row.Locator("[data-cell=wrmsse]")).ToHaveTextAsync($"{Ratio(nexGen.Wrmsse)} vs {Ratio(naive.Wrmsse)}");
            await Assertions.Expect(row.Locator("[data-cell=model]")).ToContainTextAsync($"#{run.ModelId}");
            await Assertions.Expect(page.Locator($"[data-note-for='{run.Id}']")).ToContainTextAsync("retrained");
            await Assertions.Expect(page.Locator("[data-testid=run-forecast]")).ToBeEnabledAsync();
            await Assertions.Expect(page.Locator("[data-testid=run-progress]")).ToHaveCountAsync(0);

            // The run's model is registered and, being the first, active.
            var models = page.Locator("[data-testid=models] tbody tr");
            await Assertions.Expect(models).ToHaveCountAsync(1);
            await Assertions.Expect(models.First).ToHaveAttributeAsync("data-model-id", Id(run.ModelId!.Value));
            await Assertions.Expect(models.First).ToHaveAttributeAsync("data-active", "true");
            await Assertions.Expect(page.Locator("[data-testid=active-model]")).ToContainTextAsync($"model #{run.ModelId}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("runs"), FullPage = true });
        }
        finally
        {
            await page.Context.CloseAsync();
            await other.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task CancelStopsARunAndAFailedRunShowsWhy()
    {
        await using var app = NexGenWebApp.Start();
        var service = app.GetRequiredService<ForecastService>();
        var page = await OpenRunsPageAsync(browser, app);
        try
        {
            RunProgress step;
            using (var hold = new RunHold(service))
            {
                await page.Locator("[data-testid=run-forecast]").ClickAsync();
                step = await hold.Held;
                await page.Locator("[data-testid=cancel-run]").ClickAsync();
                await Assertions.Expect(page.Locator("[data-testid=cancel-run]")).ToHaveTextAsync("Cancelling…");
            }
            var cancelled = page.Locator($"[data-testid=run-history] tr[data-run-id='{step.RunId}']");
            await Assertions.Expect(cancelled).ToHaveAttributeAsync("data-status", "cancelled", new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator($"[data-note-for='{step.RunId}']")).ToContainTextAsync("cancelled");
            await Assertions.Expect(cancelled.Locator("[data-download]")).ToHaveCountAsync(0);
            Assert.Empty(await app.GetRequiredService<RunStore>().ForecastsAsync(step.RunId));
            Assert.Null(await app.GetRequiredService<ModelRegistry>().ActiveAsync());

            // A cutoff before the sales history fails inside the run, which says why.
            var cutoff = page.Locator("[data-testid=run-cutoff] input, input[data-testid=run-cutoff]").First;
            await Assertions.Expect(page.Locator("[data-testid=run-forecast]")).ToBeEnabledAsync();
            await cutoff.FillAsync("2020-01-03");
            await cutoff.PressAsync("Enter");
            await page.Locator("[data-testid=run-forecast]").ClickAsync();
            var failed = page.Locator("[data-testid=run-history] tr[data-status=failed]");
            await Assertions.Expect(failed).ToHaveCountAsync(1, new() { Timeout = 60_000 });
            var failedId = await failed.GetAttributeAsync("data-run-id");
            await Assertions.Expect(page.Locator($"[data-note-for='{failedId}']")).ToContainTextAsync("The cutoff must lie inside the sales history");
            await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasTextString = $"run #{failedId} failed" })).ToBeVisibleAsync();
            await Assertions.Expect(failed).ToContainTextAsync("2020-01-03");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task APlannerPromotesAndRollsBackModelsAndAPredictRunUsesTheActiveOne()
    {
        await using var app = NexGenWebApp.Start();
        var service = app.GetRequiredService<ForecastService>();
        var registry = app.GetRequiredService<ModelRegistry>();
        var first = await service.RunAsync(LatestRunCardTests.SmallRequest());
        var second = await service.RunAsync(LatestRunCardTests.SmallRequest() with
        {
            Model = new GlobalModelOptions { Trees = 30, MaxTrainingRows = 20_000 },
        });
        Assert.Equal(("succeeded", "succeeded"), (first.Status, second.Status));
        var active = (await registry.ActiveAsync())!.Id;
        var other = active == first.ModelId ? second.ModelId!.Value : first.ModelId!.Value;

        var page = await OpenRunsPageAsync(browser, app);
        try
        {
            var models = page.Locator("[data-testid=models] tbody tr");
            await Assertions.Expect(models).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator($"tr[data-model-id='{active}']")).ToHaveAttributeAsync("data-active", "true");
            await Assertions.Expect(page.Locator($"tr[data-model-id='{other}']")).ToHaveAttributeAsync("data-active", "false");
            await Assertions.Expect(page.Locator($"[data-testid=promote-{active}]")).ToHaveCountAsync(0);
            var otherModel = (await registry.ListAsync()).Single(m => m.Model.Id == other).Model;
            await Assertions.Expect(page.Locator($"tr[data-model-id='{other}'] [data-cell=wrmsse]")).ToHaveTextAsync(Ratio(otherModel.Wrmsse!.Value));

            await page.Locator($"[data-testid=promote-{other}]").ClickAsync();
            await Assertions.Expect(page.Locator($"tr[data-model-id='{other}']")).ToHaveAttributeAsync("data-active", "true");
            await Assertions.Expect(page.Locator($"tr[data-model-id='{active}']")).ToHaveAttributeAsync("data-active", "false");
            await Assertions.Expect(page.Locator("[data-testid=active-model]")).ToContainTextAsync($"model #{other}");
            Assert.Equal(other, (await registry.ActiveAsync())!.Id);

            await page.Locator("[data-testid=rollback]").ClickAsync();
            await Assertions.Expect(page.Locator($"tr[data-model-id='{active}']")).ToHaveAttributeAsync("data-active", "true");
            await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasTextString = $"model #{active} is active again" })).ToBeVisibleAsync();
            Assert.Equal(active, (await registry.ActiveAsync())!.Id);

            // Predict with the active model: no new model, the run says which one it used.
            var horizon = page.Locator("[data-testid=run-horizon] input, input[data-testid=run-horizon]").First;
            await Assertions.Expect(horizon).ToHaveValueAsync("13"); // a quarter of weekly data
            await horizon.FillAsync("4");
            await horizon.PressAsync("Tab");
            await page.Locator("[data-mode=predict]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=mode-help]")).ToContainTextAsync($"model #{active}");
            await Assertions.Expect(page.Locator("[data-testid=run-windows] input, input[data-testid=run-windows]").First).ToBeDisabledAsync();
            await page.Locator("[data-testid=run-forecast]").ClickAsync();

            // Run ids come from one sequence: the predict run is the next one.
            var predictId = second.Id + 1;
            var predicted = page.Locator($"[data-testid=run-history] tr[data-run-id='{predictId}']");
            await Assertions.Expect(predicted).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 60_000 });
            var run = (await app.GetRequiredService<RunStore>().FindAsync(predictId))!;
            Assert.Equal(active, run.ModelId);
            Assert.Contains("\"retrain\":false", run.Parameters);
            await Assertions.Expect(page.Locator($"[data-note-for='{predictId}']")).ToContainTextAsync($"forecast with model {active}");
            await Assertions.Expect(models).ToHaveCountAsync(2);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("runs-models"), FullPage = true });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task AnyRunsForecastsDownloadAsCsvAndParquetWithTheStoredRows()
    {
        await using var app = NexGenWebApp.Start();
        var service = app.GetRequiredService<ForecastService>();
        var older = await service.RunAsync(LatestRunCardTests.SmallRequest());
        var newer = await service.RunAsync(LatestRunCardTests.SmallRequest(new DateOnly(2024, 3, 1)));
        Assert.Equal(("succeeded", "succeeded"), (older.Status, newer.Status));
        // A scheduled-style refresh (predict with the active model): listed too, with its summary and no download of its own.
        var refresh = await app.GetRequiredService<RefreshService>().RunAsync(new RefreshRequest(Retrain: false, "schedule", Horizon: 4), finalAttempt: true);
        Assert.Equal("succeeded", refresh.Run.Status);
        var stored = await app.GetRequiredService<RunStore>().ForecastsAsync(older.Id);
        Assert.Equal(WebSamples.Locations * WebSamples.Skus * 4, stored.Count);

        var page = await OpenRunsPageAsync(browser, app);
        try
        {
            var refreshRow = page.Locator($"[data-testid=run-history] tr[data-run-id='{refresh.Run.Id}']");
            await Assertions.Expect(refreshRow).ToHaveAttributeAsync("data-kind", "refresh");
            await Assertions.Expect(refreshRow.Locator("[data-cell=trigger]")).ToHaveTextAsync("schedule");
            await Assertions.Expect(refreshRow.Locator("[data-cell=status]")).ToHaveTextAsync("succeeded");
            await Assertions.Expect(refreshRow.Locator("[data-cell=model]")).ToContainTextAsync("0 rows in");
            await Assertions.Expect(refreshRow.Locator("[data-download]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator($"[data-note-for='{refresh.Run.Id}']")).ToContainTextAsync("forecast run #");
            var refreshForecast = page.Locator($"[data-testid=run-history] tr[data-run-id='{refresh.Run.Id + 1}']");
            await Assertions.Expect(refreshForecast).ToHaveAttributeAsync("data-kind", "forecast");
            await Assertions.Expect(refreshForecast.Locator("[data-cell=trigger]")).ToHaveTextAsync("schedule");

            // The older run, not only the latest.
            var row = page.Locator($"[data-testid=run-history] tr[data-run-id='{older.Id}']");
            var csv = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-download=csv]").ClickAsync());
            Assert.Equal($"nexgen-forecast-run-{older.Id}.csv", csv.SuggestedFilename);
            var csvPath = Path.Combine(_folder, csv.SuggestedFilename);
            await csv.SaveAsAsync(csvPath);
            var lines = await File.ReadAllLinesAsync(csvPath);
            Assert.Equal("location,sku,date,forecast,p10,p50,p90,p95,model", lines[0]);
            Assert.Equal(stored.Count + 1, lines.Length);
            var first = lines[1].Split(',');
            Assert.Equal((stored[0].Location, stored[0].Sku, stored[0].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (first[0], first[1], first[2]));
            Assert.Equal(stored[0].Forecast, double.Parse(first[3], CultureInfo.InvariantCulture), 6);
            Assert.Equal(stored[^1].Model, lines[^1].Split(',')[^1]);
            // The samples' last Friday is 2024-03-08: four weeks after it.
            Assert.Equal(["2024-03-15", "2024-03-22", "2024-03-29", "2024-04-05"],
                lines.Skip(1).Select(l => l.Split(',')[2]).Distinct().Order().ToArray());

            var parquet = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-download=parquet]").ClickAsync());
            Assert.Equal($"nexgen-forecast-run-{older.Id}.parquet", parquet.SuggestedFilename);
            var parquetPath = Path.Combine(_folder, parquet.SuggestedFilename);
            await parquet.SaveAsAsync(parquetPath);
            using (var duck = new DuckDBConnection("Data Source=:memory:"))
            {
                duck.Open();
                var rows = duck.Query<ForecastRow>($"""
                    SELECT location, sku, date, forecast, p10, p50, p90, p95, model
                    FROM read_parquet('{parquetPath.Replace("'", "''")}') ORDER BY location, sku, date
                    """).AsList();
                Assert.Equal(stored, rows);
            }

            // The newer run's file is its own.
            var newerRow = page.Locator($"[data-testid=run-history] tr[data-run-id='{newer.Id}']");
            var newerCsv = await page.RunAndWaitForDownloadAsync(() => newerRow.Locator("[data-download=csv]").ClickAsync());
            var newerPath = Path.Combine(_folder, newerCsv.SuggestedFilename);
            await newerCsv.SaveAsAsync(newerPath);
            Assert.Contains("2024-03-08", await File.ReadAllTextAsync(newerPath));

            // An unknown run is a 404 that says so, and nothing is left behind in the temp folder.
            var missing = await page.APIRequest.GetAsync(app.BaseUrl + "/downloads/runs/999/forecasts.csv");
            Assert.Equal(404, missing.Status);
            Assert.Contains("no run #999", await missing.TextAsync());
            for (var wait = 0; wait < 50 && Directory.GetFiles(Path.GetTempPath(), "nexgen-download-*").Length > 0; wait++)
                await Task.Delay(100); // the server closes (and so deletes) a file once the response has gone out
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "nexgen-download-*"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    sealed record Accuracy(double Wape, double Wrmsse);

    static (Accuracy NexGen, Accuracy Naive) Backtest(RunRecord run)
    {
        var backtest = JsonDocument.Parse(run.Metrics!).RootElement.GetProperty("backtest");
        var nexGen = backtest.TryGetProperty(ModelNames.NexGen, out var selected) ? selected : backtest.GetProperty(ModelNames.Global);
        var naive = backtest.GetProperty(ModelNames.SeasonalNaive);
        return (new Accuracy(nexGen.GetProperty("wape").GetDouble(), nexGen.GetProperty("wrmsse").GetDouble()),
            new Accuracy(naive.GetProperty("wape").GetDouble(), naive.GetProperty("wrmsse").GetDouble()));
    }

    static string Percent(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    static string Ratio(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
