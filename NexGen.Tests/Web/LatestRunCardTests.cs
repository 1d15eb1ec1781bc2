using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using NexGen.Core.Forecasting;
using NexGen.Core.Store;

namespace NexGen.Tests.Web;

/// <summary>
/// The home page's "Latest forecast" card in a real browser, against runs made through the app's own
/// <see cref="ForecastService"/> on the tiny <see cref="WebSamples"/> (10 weeks: enough for one small calibration window).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class LatestRunCardTests(BrowserFixture browser)
{
    public const string ScreenshotPath = "/tmp/nexgen-latest-run.png";

    // A small model keeps a run to about a second on 6 series x 10 weeks.
    static readonly GlobalModelOptions SmallModel = new() { Trees = 20, MaxTrainingRows = 20_000 };

    internal static ForecastRunRequest SmallRequest(DateOnly? cutoff = null) =>
        new(4, cutoff, Model: SmallModel, CalibrationWindows: 1);

    [Fact]
    public async Task ForecastRunShowsLiveProgressThenItsBacktestBesideSeasonalNaive()
    {
        await using var app = NexGenWebApp.Start();
        var service = app.GetRequiredService<ForecastService>();
        var page = await browser.OpenLiveAsync(app.BaseUrl);
        try
        {
            var card = page.Locator("[data-testid=latest-run]");
            await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "none");

            // Hold the run at its first step (the event is raised on the run's thread, after the page's own handler)
            // so the page can be seen following it.
            var paused = new TaskCompletionSource<RunProgress>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var release = new ManualResetEventSlim();
            void Hold(RunProgress progress)
            {
                if (progress.Phase != "finished" && paused.TrySetResult(progress))
                    release.Wait(TimeSpan.FromSeconds(60));
            }
            service.ProgressChanged += Hold;
            Task<RunRecord> running;
            try
            {
                running = service.RunAsync(SmallRequest());
                var step = await paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(step, service.Current);

                var progress = card.Locator("[data-testid=run-progress]");
                await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "running");
                await Assertions.Expect(progress).ToHaveAttributeAsync("data-run-id", step.RunId.ToString(CultureInfo.InvariantCulture));
                await Assertions.Expect(progress.Locator("[data-testid=run-phase]")).ToHaveTextAsync(step.Phase, new() { IgnoreCase = true });
                await Assertions.Expect(progress.Locator("[data-testid=run-percent]")).ToHaveTextAsync($"{step.Fraction * 100:0} %");
                await card.ScrollIntoViewIfNeededAsync();
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/nexgen-latest-run-progress.png" });
            }
            finally
            {
                release.Set();
                service.ProgressChanged -= Hold;
            }

            var run = await running;
            Assert.True(run.Status == "succeeded", $"the forecast on the web samples succeeds (it {run.Status}: {run.Error})");

            // The open page follows the run to its end without a reload.
            await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "succeeded");
            await Assertions.Expect(card.Locator("[data-testid=run-progress]")).ToHaveCountAsync(0);
            await Assertions.Expect(card.Locator("[data-metric=wape-nexgen]")).ToBeVisibleAsync();

            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("[data-testid=home]")).ToHaveAttributeAsync("data-render", "live");
            await ExpectSucceededRunAsync(card, run);

            await card.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task RunForecastButtonRunsAForecastInTheBackgroundAndTheCardShowsIt()
    {
        await using var app = NexGenWebApp.Start();
        var runs = app.GetRequiredService<RunStore>();
        var page = await browser.OpenLiveAsync(app.BaseUrl);
        try
        {
            var card = page.Locator("[data-testid=latest-run]");
            await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "none");
            var horizon = card.Locator("input[data-testid=run-horizon], [data-testid=run-horizon] input").First;
            // Without a run the period length is unknown: 28 periods.
            await Assertions.Expect(horizon).ToHaveValueAsync("28");
            await Assertions.Expect(card.Locator("[data-testid=cancel-run]")).ToHaveCountAsync(0);

            await horizon.FillAsync("4");
            await horizon.PressAsync("Tab");
            await card.Locator("[data-testid=run-forecast]").ClickAsync();

            // The default model on the samples takes a few seconds; the page is not held meanwhile.
            await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 60_000 });
            var run = (await runs.RecentAsync(5)).First(r => r.Kind == "forecast");
            Assert.Equal(("succeeded", "manual"), (run.Status, run.Trigger));
            Assert.Contains(await app.GetRequiredService<NexGen.Core.Security.AuditLog>().RecentAsync(10),
                e => e.Actor == "local" && e.Action == "run.start" && e.Target == $"run {run.Id}");
            await Assertions.Expect(card).ToHaveAttributeAsync("data-run-id", run.Id.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(card.Locator("[data-testid=run-status]")).ToHaveTextAsync("succeeded");
            await Assertions.Expect(card.Locator("[data-fact=horizon]")).ToContainTextAsync("4 weeks (28 days)");
            await Assertions.Expect(card.Locator("[data-testid=run-forecast]")).ToBeEnabledAsync();
            await Assertions.Expect(card.Locator("[data-testid=cancel-run]")).ToHaveCountAsync(0);

            // A fresh page defaults to a quarter of weekly data.
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("[data-testid=home]")).ToHaveAttributeAsync("data-render", "live");
            await Assertions.Expect(horizon).ToHaveValueAsync("13");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task WithoutAnyForecastTheCardSaysHowToRunOne()
    {
        await using var app = NexGenWebApp.Start();
        var page = await browser.OpenLiveAsync(app.BaseUrl);
        try
        {
            var card = page.Locator("[data-testid=latest-run]");
            await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "none");
            await Assertions.Expect(card.Locator("[data-testid=no-run]")).ToContainTextAsync("No forecast yet");
            await Assertions.Expect(card.Locator("[data-testid=no-run] code"))
                .ToHaveTextAsync("dotnet run --project NexGen.Cli -- forecast --horizon 28");
            await Assertions.Expect(card.Locator("[data-testid=run-metrics]")).ToHaveCountAsync(0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task FailedRunShowsItsErrorAndTheLatestSucceededBacktest()
    {
        await using var app = NexGenWebApp.Start();
        var service = app.GetRequiredService<ForecastService>();
        var good = await service.RunAsync(SmallRequest());
        Assert.True(good.Status == "succeeded", $"the first forecast succeeds (it {good.Status}: {good.Error})");
        // A cutoff before the sales history fails inside the run, after it is recorded.
        var bad = await service.RunAsync(SmallRequest(new DateOnly(2020, 1, 3)));
        Assert.Equal("failed", bad.Status);
        Assert.False(string.IsNullOrEmpty(bad.Error));

        var page = await browser.OpenLiveAsync(app.BaseUrl);
        try
        {
            var card = page.Locator("[data-testid=latest-run]");
            await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "failed");
            await Assertions.Expect(card).ToHaveAttributeAsync("data-run-id", bad.Id.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(card.Locator("[data-testid=run-status]")).ToHaveTextAsync("failed");
            await Assertions.Expect(card.Locator("[data-testid=run-error]")).ToContainTextAsync(bad.Error!);
            // What the failed run was asked for comes from its parameters: no period length is known without data.
            await Assertions.Expect(card.Locator("[data-fact=cutoff]")).ToContainTextAsync("2020-01-03");
            await Assertions.Expect(card.Locator("[data-fact=horizon]")).ToContainTextAsync("4 periods");

            // The backtest shown is the earlier run's, and says so.
            await Assertions.Expect(card.Locator("[data-testid=metrics-source]")).ToContainTextAsync($"run #{good.Id}");
            await Assertions.Expect(card.Locator("[data-testid=run-metrics]")).ToHaveAttributeAsync("data-run-id", good.Id.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(card.Locator("[data-metric=wape-nexgen]")).ToHaveTextAsync(Percent(Backtest(good, NexGenKey(good)).Wape));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/nexgen-latest-run-failed.png" });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task RunLeftRunningByAKilledProcessIsShownFailedAsInterruptedAfterARestart()
    {
        var folder = Directory.CreateTempSubdirectory("nexgen-interrupted-").FullName;
        try
        {
            var storePath = Path.Combine(folder, "store.duckdb");
            var store = new DuckDbStore(storePath);
            await store.InitializeAsync();
            var id = await new RunStore(store).StartAsync("forecast", "cli", """{"horizon":28}""", null);
            // Owned by a CLI process that has since been killed (a process of this machine that has exited).
            using var killed = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true"))!;
            await killed.WaitForExitAsync();
            using (var connection = store.Open())
                Dapper.SqlMapper.Execute(connection, "UPDATE runs SET owner = $owner WHERE id = $id",
                    new { owner = $"{Environment.MachineName}/{killed.Id}/638000000000000000", id });

            await using var app = NexGenWebApp.Start(new Dictionary<string, string?> { ["NexGen:StorePath"] = storePath });
            var run = await app.GetRequiredService<RunStore>().FindAsync(id);
            Assert.Equal(("failed", "interrupted"), (run!.Status, run.Error));

            var page = await browser.OpenLiveAsync(app.BaseUrl);
            try
            {
                var card = page.Locator("[data-testid=latest-run]");
                await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "failed");
                await Assertions.Expect(card.Locator("[data-testid=run-error]")).ToContainTextAsync("Interrupted");
                await Assertions.Expect(card.Locator("[data-fact=trigger]")).ToContainTextAsync("cli");
                await Assertions.Expect(card.Locator("[data-testid=run-metrics]")).ToHaveCountAsync(0);
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The card of a succeeded run on the web samples: its facts and its metrics as the run recorded them.</summary>
    static async Task ExpectSucceededRunAsync(ILocator card, RunRecord run)
    {
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "succeeded");
        await Assertions.Expect(card.Locator("[data-testid=run-status]")).ToHaveTextAsync("succeeded");
        await Assertions.Expect(card.Locator("[data-fact=trigger]")).ToContainTextAsync("manual");
        // The samples' last week ends on Friday 2024-03-08; 4 weekly periods.
        await Assertions.Expect(card.Locator("[data-fact=cutoff]")).ToContainTextAsync("2024-03-08");
        await Assertions.Expect(card.Locator("[data-fact=horizon]")).ToContainTextAsync("4 weeks (28 days)");
        await Assertions.Expect(card.Locator("[data-testid=run-error]")).ToHaveCountAsync(0);

        var nexGen = Backtest(run, NexGenKey(run));
        var naive = Backtest(run, ModelNames.SeasonalNaive);
        await Assertions.Expect(card.Locator("[data-metric=wape-nexgen]")).ToHaveTextAsync(Percent(nexGen.Wape));
        await Assertions.Expect(card.Locator("[data-metric=wape-naive]")).ToHaveTextAsync(Percent(naive.Wape));
        await Assertions.Expect(card.Locator("[data-metric=wrmsse-nexgen]")).ToHaveTextAsync(nexGen.Wrmsse.ToString("0.000", CultureInfo.InvariantCulture));
        await Assertions.Expect(card.Locator("[data-metric=mae-naive]")).ToHaveTextAsync(naive.Mae.ToString("N1", CultureInfo.InvariantCulture));
        await Assertions.Expect(card.Locator("[data-metric=bias-nexgen]")).ToHaveTextAsync(
            (nexGen.Bias * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %");

        var relative = 1 - nexGen.Wape / naive.Wape;
        var amount = Math.Abs(relative * 100).ToString("0.0", CultureInfo.InvariantCulture);
        await Assertions.Expect(card.Locator("[data-testid=wape-comparison]")).ToHaveTextAsync(
            $"NexGen is {amount} % {(relative > 0 ? "better" : "worse")} than seasonal naive on WAPE");
    }

    sealed record Accuracy(double Wape, double Wrmsse, double Mae, double Bias);

    /// <summary>NexGen's name in the run's backtest: "nexgen" once runs select a model per series, else the global model's.</summary>
    static string NexGenKey(RunRecord run) =>
        Backtests(run).TryGetProperty(ModelNames.NexGen, out _) ? ModelNames.NexGen : ModelNames.Global;

    static JsonElement Backtests(RunRecord run) =>
        JsonDocument.Parse(run.Metrics ?? throw new InvalidOperationException($"Run {run.Id} has no metrics.")).RootElement.GetProperty("backtest");

    static Accuracy Backtest(RunRecord run, string model)
    {
        var metrics = Backtests(run).GetProperty(model);
        return new Accuracy(metrics.GetProperty("wape").GetDouble(), metrics.GetProperty("wrmsse").GetDouble(),
            metrics.GetProperty("mae").GetDouble(), metrics.GetProperty("bias").GetDouble());
    }

    static string Percent(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
