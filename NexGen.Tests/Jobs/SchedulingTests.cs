using NexGen.Core.Forecasting;
using NexGen.Core.Ingestion;
using NexGen.Core.Jobs;
using NexGen.Core.Store;
using NexGen.Tests.Web;

namespace NexGen.Tests.Jobs;

/// <summary>The Quartz schedule inside the real app: short crons, the queue behind a running forecast, failures.</summary>
[Collection(WebCollection.Name)]
public class SchedulingTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AShortCronRefreshesOnScheduleFirstTrainingThenForecastingWithTheActiveModel()
    {
        await using var app = NexGenWebApp.Start(new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = "true",
            ["Scheduling:PredictCron"] = "0/2 * * * * ?",
            ["Scheduling:RetrainCron"] = "",
            ["Scheduling:Horizon"] = "4",
        });
        var runs = app.GetRequiredService<RunStore>();

        var refreshes = await WaitForAsync(runs, all => all.Count(r => r.Kind == "refresh" && r.Status == "succeeded") >= 2);

        var done = refreshes.Where(r => r.Kind == "refresh" && r.Status == "succeeded").OrderBy(r => r.Id).Take(2).ToList();
        Assert.All(done, r => Assert.Equal("schedule", r.Trigger));
        var forecasts = refreshes.Where(r => r.Kind == "forecast").OrderBy(r => r.Id).ToList();
        Assert.All(forecasts, r => Assert.Equal("schedule", r.Trigger));
        // The first predict finds no model and trains one; the next forecasts with it.
        Assert.Contains("retrained: no model is active", forecasts[0].Metrics);
        Assert.Contains($"forecast with model {forecasts[0].ModelId}", forecasts[1].Metrics);
        Assert.Equal(4 * WebSamples.Locations * WebSamples.Skus, (await runs.ForecastsAsync(forecasts[1].Id)).Count);
        var entries = await app.GetRequiredService<SchedulerMonitor>().EntriesAsync();
        var predict = Assert.Single(entries, e => e.Name == "predict");
        Assert.Equal("0/2 * * * * ?", predict.Cron);
        Assert.NotNull(predict.NextFire);
        Assert.Null(Assert.Single(entries, e => e.Name == "retrain").Cron);
    }

    [Fact]
    public async Task ARefreshTriggeredWhileAForecastRunsQueuesBehindItAndSaysSo()
    {
        await using var app = NexGenWebApp.Start(new Dictionary<string, string?> { ["Scheduling:Horizon"] = "4" });
        var runs = app.GetRequiredService<RunStore>();
        var service = app.GetRequiredService<ForecastService>();
        var started = new TaskCompletionSource();
        service.ProgressChanged += _ => started.TrySetResult();

        var manual = service.RunAsync(new ForecastRunRequest(4, CalibrationWindows: 1, Model: new GlobalModelOptions { Trees = 3000 }));
        await started.Task;
        var manualId = service.Current!.RunId;
        await app.GetRequiredService<SchedulerMonitor>().TriggerNowAsync(retrain: true);

        var queued = await WaitForAsync(runs, all => all.Any(r => r.Kind == "refresh" && r.Phase == $"queued behind forecast run #{manualId}"));
        Assert.Equal("running", queued.Single(r => r.Kind == "refresh").Status);
        Assert.Equal("succeeded", (await manual).Status);
        var after = await WaitForAsync(runs, all => all.Any(r => r.Kind == "refresh" && r.Status != "running"));
        var refresh = after.Single(r => r.Kind == "refresh");
        Assert.True(refresh.Status == "succeeded", refresh.Error);
        Assert.Equal("manual", refresh.Trigger);
        Assert.True(after.Single(r => r.Kind == "forecast" && r.Id > manualId).Started >= (await runs.FindAsync(manualId))!.Finished);
    }

    [Fact]
    public async Task AFailedRefreshIsRecordedWithItsReasonAndPostedToTheWebhook()
    {
        using var hook = new WebhookListener();
        await using var app = NexGenWebApp.Start(new Dictionary<string, string?>
        {
            ["NexGen:LoadSamplesOnFirstStart"] = "false",
            ["Scheduling:Webhooks:0"] = hook.Url,
            ["Scheduling:MaxRetries"] = "2",
            ["Scheduling:RetryDelay"] = "00:00:01",
        });
        var runs = app.GetRequiredService<RunStore>();

        await app.GetRequiredService<SchedulerMonitor>().TriggerNowAsync(retrain: true, trigger: "api");

        var payload = await hook.NextAsync(Patience);
        var failed = (await runs.RecentAsync(10)).Single(r => r.Kind == "refresh");
        Assert.Equal("failed", failed.Status);
        Assert.Contains("import sales first", failed.Error);
        Assert.Equal("run_failed", payload.GetProperty("event").GetString());
        Assert.Equal(failed.Id, payload.GetProperty("runId").GetInt64());
        Assert.Equal("api", payload.GetProperty("trigger").GetString());
        Assert.Contains("import sales first", payload.GetProperty("message").GetString());
        // Missing data is not transient: no retry follows.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await runs.RecentAsync(10), r => r.Kind == "refresh");
        Assert.Equal(1, hook.Count);
    }

    [Fact]
    public async Task ARefreshPlansReplenishmentAndPostsOnlyNewCriticalAlerts()
    {
        using var hook = new WebhookListener();
        await using var app = NexGenWebApp.Start(new Dictionary<string, string?>
        {
            ["Scheduling:Webhooks:0"] = hook.Url,
            ["Scheduling:Horizon"] = "4",
        });
        var empty = Path.Combine(app.Folder, "empty-shelf.csv");
        await File.WriteAllTextAsync(empty, "location,sku,as_of,on_hand\nstore-1,A1,2024-03-08,0\n");
        Assert.Equal(ImportStatus.Succeeded, (await app.GetRequiredService<CsvImporter>().ImportAsync(new ImportRequest(DataKind.Inventory, empty))).Status);
        var runs = app.GetRequiredService<RunStore>();
        var monitor = app.GetRequiredService<SchedulerMonitor>();

        await monitor.TriggerNowAsync(retrain: true);
        var payload = await hook.NextAsync(Patience);
        var first = (await WaitForAsync(runs, all => all.Any(r => r.Kind == "refresh" && r.Status == "succeeded"))).Single(r => r.Kind == "refresh");

        Assert.Equal("alerts", payload.GetProperty("event").GetString());
        Assert.Equal(first.Id, payload.GetProperty("runId").GetInt64());
        var alert = Assert.Single(payload.GetProperty("details").EnumerateArray());
        Assert.Equal(("store-1", "A1", "stockout"), (alert.GetProperty("location").GetString(), alert.GetProperty("sku").GetString(), alert.GetProperty("kind").GetString()));
        Assert.Contains("\"replenishmentRun\":", first.Metrics);
        Assert.Contains("replenishment run #", first.Phase);

        // The same stock-out on the next refresh is not news.
        await monitor.TriggerNowAsync(retrain: false);
        await WaitForAsync(runs, all => all.Count(r => r.Kind == "refresh" && r.Status == "succeeded") == 2);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, hook.Count);
    }

    [Fact]
    public async Task ARefreshWhoseSourceIsUnreachableIsRetriedWithBackoffThenFailsAndIsPosted()
    {
        using var hook = new WebhookListener();
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var app = NexGenWebApp.Start(new Dictionary<string, string?>
        {
            ["NexGen:Sources:0:Name"] = "shop",
            ["NexGen:Sources:0:Provider"] = "postgresql",
            ["NexGen:Sources:0:ConnectionStringName"] = "Shop",
            ["NexGen:Sources:0:Query"] = "SELECT store AS location, item AS sku, day AS date, qty AS quantity FROM sales",
            ["ConnectionStrings:Shop"] = $"Host=127.0.0.1;Port={port};Username=nexgen;Timeout=3",
            ["Scheduling:Webhooks:0"] = hook.Url,
            ["Scheduling:MaxRetries"] = "2",
            ["Scheduling:RetryDelay"] = "00:00:01",
        });
        var runs = app.GetRequiredService<RunStore>();

        await app.GetRequiredService<SchedulerMonitor>().TriggerNowAsync(retrain: false);

        var payload = await hook.NextAsync(Patience);
        var attempts = (await WaitForAsync(runs, all => all.Count(r => r.Kind == "refresh" && r.Status == "failed") == 3))
            .Where(r => r.Kind == "refresh").OrderBy(r => r.Id).ToList();
        // Attempt 1, then retries after 1 s and 2 s; the last one is final and the only one posted.
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Contains($"could not connect to", a.Error));
        Assert.All(attempts.Take(2), a => Assert.Contains("transient, will retry", a.Error));
        Assert.DoesNotContain("will retry", attempts[2].Error);
        Assert.Contains("\"attempt\":3", attempts[2].Parameters);
        Assert.True(attempts[2].Started - attempts[1].Started >= TimeSpan.FromSeconds(1.9));
        Assert.Equal(attempts[2].Id, payload.GetProperty("runId").GetInt64());
        Assert.DoesNotContain(await runs.RecentAsync(20), r => r.Kind == "forecast");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, hook.Count);
    }

    static async Task<IReadOnlyList<RunRecord>> WaitForAsync(RunStore runs, Func<IReadOnlyList<RunRecord>, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var all = await runs.RecentAsync(50);
            if (condition(all))
                return all;
            Assert.True(DateTime.UtcNow < deadline, $"Timed out; runs: {string.Join("; ", all.Select(r => $"#{r.Id} {r.Kind} {r.Trigger} {r.Status} {r.Phase} {r.Error}"))}");
            await Task.Delay(100);
        }
    }
}
