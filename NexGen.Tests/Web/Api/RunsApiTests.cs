using System.Net;
using System.Text;
using System.Text.Json;
using NexGen.Core.Forecasting;
using NexGen.Core.Security;
using NexGen.Core.Store;

namespace NexGen.Tests.Web.Api;

/// <summary>
/// <c>/runs</c>, <c>/forecasts</c> and <c>/models</c> through real runs of the app's <see cref="ForecastService"/> on the
/// tiny web samples: 202 with a Location, 409 while one runs, cancel, then a finished forecast read back in every format.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RunsApiTests(SecuredAppFixture fixture) : IClassFixture<SecuredAppFixture>
{
    SecuredApp App => fixture.App;

    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task SecondRunGets409WhileTheFirstRunsAndDeleteCancelsIt()
    {
        using var planner = App.Client(App.PlannerKey);
        var service = App.App.GetRequiredService<ForecastService>();
        // Hold the run at its first step (the event is raised on the run's thread) so that it is surely still running.
        using var release = new ManualResetEventSlim();
        void Hold(RunProgress progress)
        {
            if (progress.Phase != "finished")
                release.Wait(TimeSpan.FromSeconds(60));
        }
        service.ProgressChanged += Hold;
        long id;
        try
        {
            var started = await planner.PostAsync("/api/v1/runs", Json("{\"kind\":\"forecast\",\"horizon\":4}"));
            var run = await Problems.JsonAsync(started, HttpStatusCode.Accepted);
            id = run.GetProperty("id").GetInt64();
            Assert.Equal($"/api/v1/runs/{id}", started.Headers.Location!.OriginalString);
            Assert.Equal("running", run.GetProperty("status").GetString());
            Assert.Equal("api", run.GetProperty("trigger").GetString());

            var second = await Problems.AssertProblemAsync(await planner.PostAsync("/api/v1/runs", Json("{\"kind\":\"backtest\",\"horizon\":2}")), HttpStatusCode.Conflict);
            Assert.Equal(id, second.GetProperty("runId").GetInt64());

            var cancel = await Problems.JsonAsync(await planner.DeleteAsync($"/api/v1/runs/{id}"), HttpStatusCode.Accepted);
            Assert.Equal(id, cancel.GetProperty("id").GetInt64());
        }
        finally
        {
            release.Set();
            service.ProgressChanged -= Hold;
        }

        var ended = await WaitForEndAsync(planner, id);
        Assert.Equal("cancelled", ended.GetProperty("status").GetString());
        await Problems.AssertProblemAsync(await planner.DeleteAsync($"/api/v1/runs/{id}"), HttpStatusCode.Conflict);
        await Problems.AssertProblemAsync(await planner.DeleteAsync("/api/v1/runs/424242"), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await planner.GetAsync("/api/v1/runs/424242"), HttpStatusCode.NotFound);
        var audit = await App.App.GetRequiredService<AuditLog>().RecentAsync(50);
        Assert.Contains(audit, e => e.Action == "run.start" && e.Target == $"run {id}");
        Assert.Contains(audit, e => e.Action == "run.cancel" && e.Target == $"run {id}");
    }

    [Fact]
    public async Task FinishedForecastIsReadAsPagedJsonCsvAndParquetAndItsModelPromoted()
    {
        using var planner = App.Client(App.PlannerKey);
        using var viewer = App.Client(App.ViewerKey);

        var started = await Problems.JsonAsync(await planner.PostAsync("/api/v1/runs", Json("{\"kind\":\"forecast\",\"horizon\":3}")), HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetInt64();
        var run = await WaitForEndAsync(viewer, id);
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        Assert.Equal(1, run.GetProperty("progress").GetDouble());
        Assert.Equal(3, run.GetProperty("metrics").GetProperty("horizon").GetInt32());

        var page = await Problems.JsonAsync(await viewer.GetAsync("/api/v1/forecasts?location=store-1&sku=A1&pageSize=2"), HttpStatusCode.OK);
        Assert.Equal(id, page.GetProperty("runId").GetInt64());
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("rows").GetArrayLength());
        var second = await Problems.JsonAsync(await viewer.GetAsync("/api/v1/forecasts?location=store-1&sku=A1&pageSize=2&page=2"), HttpStatusCode.OK);
        Assert.Equal(1, second.GetProperty("rows").GetArrayLength());
        var all = await Problems.JsonAsync(await viewer.GetAsync($"/api/v1/forecasts?run={id}&pageSize=1000"), HttpStatusCode.OK);
        Assert.Equal(WebSamples.Locations * WebSamples.Skus * 3, all.GetProperty("total").GetInt64());

        var csv = await viewer.GetAsync("/api/v1/forecasts?sku=A1&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal("location,sku,date,forecast,p10,p50,p90,p95,model", lines[0]);
        Assert.Equal(WebSamples.Locations * 3 + 1, lines.Length);
        var parquet = await viewer.GetByteArrayAsync("/api/v1/forecasts?sku=A1&format=parquet");
        Assert.Equal("PAR1"u8.ToArray(), parquet[..4]);

        var models = await Problems.JsonAsync(await viewer.GetAsync("/api/v1/models"), HttpStatusCode.OK);
        var model = models.EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == run.GetProperty("modelId").GetInt64());
        var promoted = await Problems.JsonAsync(await planner.PostAsync($"/api/v1/models/{model.GetProperty("id").GetInt64()}/promote", null), HttpStatusCode.OK);
        Assert.True(promoted.GetProperty("active").GetBoolean());
        await Problems.AssertProblemAsync(await planner.PostAsync("/api/v1/models/98765/promote", null), HttpStatusCode.NotFound);
        Assert.Contains(await App.App.GetRequiredService<AuditLog>().RecentAsync(50), e => e.Action == "model.promote");
    }

    [Fact]
    public async Task BadRunRequestsGet400NamingEachField()
    {
        using var planner = App.Client(App.PlannerKey);

        await Problems.AssertFieldErrorsAsync(await planner.PostAsync("/api/v1/runs", Json("{\"kind\":\"forecast\",\"horizon\":-5}")), "horizon");
        await Problems.AssertFieldErrorsAsync(await planner.PostAsync("/api/v1/runs", Json("{\"kind\":\"forecast\",\"horizon\":100000}")), "horizon");
        await Problems.AssertFieldErrorsAsync(await planner.PostAsync("/api/v1/runs", Json("{\"kind\":\"refresh\",\"horizon\":4,\"cutoff\":\"2024-01-05\"}")), "cutoff");
        await Problems.AssertFieldErrorsAsync(await planner.PostAsync("/api/v1/runs", Json("{\"kind\":\"forecast\",\"horizon\":4,\"retrain\":false}")), "retrain");
        await Problems.AssertFieldErrorsAsync(await planner.PostAsync("/api/v1/runs", Json("{\"kind\":\"reindex\",\"horizon\":4}")), "kind");
        await Problems.AssertFieldErrorsAsync(await planner.PostAsync("/api/v1/runs", Json("{\"kind\":\"forecast\",\"horizon\":4,\"windows\":3,\"cutoff\":\"2024-02-30\"}")), "windows", "cutoff");
        await Problems.AssertFieldErrorsAsync(await planner.PostAsync("/api/v1/runs", Json("{\"kind\":\"backtest\",\"windows\":0}")), "horizon", "windows");
        await Problems.AssertFieldErrorsAsync(await planner.GetAsync("/api/v1/forecasts?from=2024-02-01&to=2024-01-01&format=xlsx&pageSize=0"), "to", "format", "pageSize");
    }

    [Fact]
    public async Task ARefreshStartedThroughTheApiRunsSourcesForecastAndReplenishmentAndIsRecordedAsApi()
    {
        using var planner = App.Client(App.PlannerKey);

        var started = await planner.PostAsync("/api/v1/runs", Json("{\"kind\":\"refresh\",\"horizon\":4,\"retrain\":true}"));
        var run = await Problems.JsonAsync(started, HttpStatusCode.Accepted);
        var id = run.GetProperty("id").GetInt64();
        Assert.Equal(("refresh", "api"), (run.GetProperty("kind").GetString(), run.GetProperty("trigger").GetString()));
        // A second refresh while the first holds the gate (before its forecast has even started) is refused, naming it.
        var second = await Problems.AssertProblemAsync(await planner.PostAsync("/api/v1/runs", Json("{\"kind\":\"refresh\",\"horizon\":4}")), HttpStatusCode.Conflict);
        Assert.Contains($"Refresh run #{id} is in progress", second.GetProperty("detail").GetString());

        var done = await WaitForEndAsync(planner, id);
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        var runs = await App.App.GetRequiredService<RunStore>().RecentAsync(20);
        var refresh = runs.Single(r => r.Id == id);
        Assert.Contains("\"rowsIngested\":0", refresh.Metrics);
        Assert.Contains("replenishment run #", refresh.Phase);
        Assert.Contains(runs, r => r.Kind == "forecast" && r.Trigger == "api" && r.Id > id);
    }

    [Fact]
    public async Task ReplenishmentAndAlertsServeTheLatestRunAfterAPlannerRunsIt()
    {
        using var planner = App.Client(App.PlannerKey);
        using var viewer = App.Client(App.ViewerKey);
        var forecast = await Problems.JsonAsync(await planner.PostAsync("/api/v1/runs", Json("{\"kind\":\"forecast\",\"horizon\":4}")), HttpStatusCode.Accepted);
        Assert.Equal("succeeded", (await WaitForEndAsync(planner, forecast.GetProperty("id").GetInt64())).GetProperty("status").GetString());

        await Problems.AssertProblemAsync(await viewer.PostAsync("/api/v1/replenishment", null), HttpStatusCode.Forbidden);
        var created = await planner.PostAsync("/api/v1/replenishment", null);
        var run = await Problems.JsonAsync(created, HttpStatusCode.Created);
        var id = run.GetProperty("id").GetInt64();

        var latest = await Problems.JsonAsync(await viewer.GetAsync("/api/v1/replenishment?location=store-1"), HttpStatusCode.OK);
        Assert.Equal(id, latest.GetProperty("run").GetProperty("id").GetInt64());
        var lines = latest.GetProperty("lines").EnumerateArray().ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal("store-1", l.GetProperty("location").GetString()));
        var alerts = await Problems.JsonAsync(await viewer.GetAsync("/api/v1/alerts?top=2"), HttpStatusCode.OK);
        Assert.Equal(id, alerts.GetProperty("runId").GetInt64());
        Assert.Equal(run.GetProperty("alerts").GetInt32(), alerts.GetProperty("total").GetInt32());
        Assert.InRange(alerts.GetProperty("alerts").GetArrayLength(), 1, 2);
        await Problems.AssertFieldErrorsAsync(await viewer.GetAsync("/api/v1/alerts?top=0"), "top");
        await Problems.AssertFieldErrorsAsync(await viewer.GetAsync("/api/v1/replenishment?status=lost"), "status");
        Assert.Contains(await App.App.GetRequiredService<AuditLog>().RecentAsync(50), e => e.Action == "replenishment.run");
    }

    static async Task<JsonElement> WaitForEndAsync(HttpClient client, long id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var run = await Problems.JsonAsync(await client.GetAsync($"/api/v1/runs/{id}"), HttpStatusCode.OK);
            if (run.GetProperty("status").GetString() != "running")
                return run;
            Assert.True(DateTime.UtcNow < deadline, $"run {id} still running after 3 minutes");
            await Task.Delay(200);
        }
    }
}
