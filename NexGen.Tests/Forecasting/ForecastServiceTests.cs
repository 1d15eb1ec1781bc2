using NexGen.Core.Forecasting;
using NexGen.Core.Ingestion;
using NexGen.Core.Samples;
using NexGen.Core.Store;

namespace NexGen.Tests.Forecasting;

/// <summary>Forecast runs through the single entry point: recorded, deterministic, cancellable, one at a time.</summary>
public class ForecastServiceTests
{
    static readonly GlobalModelOptions SmallModel = new() { Trees = 30, MaxTrainingRows = 30_000, TrainingWindow = 100 };

    static async Task<(TestStore Test, ForecastService Service, RunStore Runs, ModelRegistry Registry)> SetUpAsync()
    {
        var test = new TestStore();
        var folder = Path.Combine(test.Folder, "data");
        await new SampleDataGenerator().GenerateAsync(new SampleDataOptions(Locations: 2, Skus: 10, Days: 250, Seed: 11), folder);
        Assert.All(await new FolderImporter(test.Importer).ImportAsync(folder), r => Assert.Equal(ImportStatus.Succeeded, r.Status));
        var runs = new RunStore(test.Store);
        var registry = new ModelRegistry(test.Store);
        return (test, new ForecastService(test.Store, runs, registry), runs, registry);
    }

    [Fact]
    public async Task ARunWritesEverySeriesForecastAndActivatesItsModel()
    {
        var (test, service, runs, registry) = await SetUpAsync();
        await using var _ = test;

        var run = await service.RunAsync(new ForecastRunRequest(14, Trigger: "cli", CalibrationWindows: 1, Model: SmallModel));

        Assert.True(run.Status == "succeeded", run.Error);
        Assert.Equal("cli", run.Trigger);
        var rows = await runs.ForecastsAsync(run.Id);
        Assert.Equal(2 * 10 * 14, rows.Count);
        Assert.All(rows, r => Assert.True(r.P10 <= r.P50 && r.P50 <= r.P90 && r.P90 <= r.P95 && r.P10 >= 0));
        Assert.Equal(new DateOnly(2025, 8, 2), rows.Min(r => r.Date));
        Assert.Equal(run.ModelId, (await registry.ActiveAsync())!.Id);
        Assert.Contains("seasonal_naive", run.Metrics);
        Assert.Contains("\"importance\":[{\"feature\":", run.Metrics);

        var explained = rows.First(r => r.Model == ModelNames.Global);
        var explanation = await runs.ExplanationsAsync(run.Id, explained.Location, explained.Sku);
        // The base, up to 5 features, largest first, then everything else: together they are the first period's forecast.
        Assert.InRange(explanation.Count, 3, 7);
        Assert.Equal(Enumerable.Range(0, explanation.Count), explanation.Select(e => e.Rank));
        Assert.Equal(ForecastExplanation.BaseFeature, explanation[0].Feature);
        Assert.Equal(ForecastExplanation.RestFeature, explanation[^1].Feature);
        var features = explanation.Skip(1).SkipLast(1).ToList();
        Assert.All(features, e => Assert.Contains(e.Feature, NexGen.Core.Features.FeatureSpec.For(1).Names));
        Assert.True(features.Select(e => Math.Abs(e.Contribution)).SequenceEqual(features.Select(e => Math.Abs(e.Contribution)).OrderDescending()));
        var first = rows.Where(r => r.Location == explained.Location && r.Sku == explained.Sku).MinBy(r => r.Date)!;
        Assert.Equal(first.Forecast, explanation.Sum(e => e.Contribution), 0.01);

        var scales = await runs.ScalesAsync(run.Id);
        Assert.Equal(20, scales.Count);
        Assert.All(scales, s => Assert.True(s.Scale > 0));
        var profile = await runs.ErrorProfileAsync(run.Id);
        Assert.Equal(14, profile!.Horizon);
        // One calibration window of 14 periods over 20 series: 20 cumulative errors for every P.
        Assert.All(Enumerable.Range(1, 14), p => Assert.InRange(profile.Normalised(p).Count, 1, 20));
    }

    [Fact]
    public async Task ARunStoresEverySeriesCalibrationBacktestBesideWhatSoldAndSeasonalNaive()
    {
        var (test, service, runs, _) = await SetUpAsync();
        await using var _ = test;

        var run = await service.RunAsync(new ForecastRunRequest(14, Trigger: "cli", CalibrationWindows: 2, Model: SmallModel));
        Assert.True(run.Status == "succeeded", run.Error);
        var forecasts = await runs.ForecastsAsync(run.Id);
        var cutoff = forecasts.Min(r => r.Date).AddDays(-1);
        var (location, sku) = (forecasts[0].Location, forecasts[0].Sku);

        // Two calibration origins, 7 days apart (14 / 2), each forecasting up to the run's cutoff: 14 and 7 days.
        var (runId, points) = await runs.LatestBacktestsAsync(location, sku);
        Assert.Equal(run.Id, runId);
        Assert.Equal([cutoff.AddDays(-14), cutoff.AddDays(-7)], points.Select(p => p.Origin).Distinct());
        Assert.Equal(14 + 7, points.Count);
        Assert.All(points, p => Assert.InRange(p.Date, p.Origin.AddDays(1), cutoff));
        Assert.All(points, p => Assert.True(p.Forecast >= 0 && p.Naive is not null));

        // Actuals are the store's sales (daily samples: seasonal naive repeats the origin's last week).
        using var connection = test.Store.Open();
        var sold = (await Dapper.SqlMapper.QueryAsync<(DateOnly Date, double Quantity)>(connection,
            "SELECT date, quantity FROM sales WHERE location = $location AND sku = $sku", new { location, sku })).ToDictionary(s => s.Date, s => s.Quantity);
        foreach (var point in points.Where(p => p.Actual is not null))
            Assert.Equal(sold.GetValueOrDefault(point.Date), point.Actual!.Value);
        foreach (var point in points)
            Assert.Equal(sold.GetValueOrDefault(point.Origin.AddDays(-6 + (point.Date.DayNumber - point.Origin.DayNumber - 1) % 7)), point.Naive!.Value);
    }

    [Fact]
    public async Task SameDataAndSettingsGiveAByteIdenticalForecastFile()
    {
        var (test, service, runs, _) = await SetUpAsync();
        await using var _ = test;
        var request = new ForecastRunRequest(7, CalibrationWindows: 1, Model: SmallModel);

        var first = await service.RunAsync(request);
        var second = await service.RunAsync(request);
        var a = Path.Combine(test.Folder, "a.csv");
        var b = Path.Combine(test.Folder, "b.csv");
        await runs.ExportForecastsAsync(first.Id, a, "csv");
        await runs.ExportForecastsAsync(second.Id, b, "csv");

        Assert.Equal("location,sku,date,forecast,p10,p50,p90,p95,model", File.ReadLines(a).First());
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public async Task APredictRunWithTheActiveModelReproducesTheForecastOfTheRunThatTrainedIt()
    {
        var (test, service, runs, registry) = await SetUpAsync();
        await using var _ = test;
        var trained = await service.RunAsync(new ForecastRunRequest(7, CalibrationWindows: 1, Model: SmallModel));

        var predicted = await service.RunAsync(new ForecastRunRequest(7, Model: SmallModel) { Retrain = false });

        Assert.True(predicted.Status == "succeeded", predicted.Error);
        Assert.Contains($"\"model\":\"forecast with model {trained.ModelId}\"", predicted.Metrics);
        Assert.Equal(trained.ModelId, predicted.ModelId);
        Assert.Single(await registry.ListAsync());
        // Same data, same cutoff: the saved model, its interval offsets and the training run's choice of baselines
        // give back the very same rows, quantiles included.
        Assert.Equal(await runs.ForecastsAsync(trained.Id), await runs.ForecastsAsync(predicted.Id));
        Assert.Equal((await runs.ErrorProfileAsync(trained.Id))!.Normalised(3), (await runs.ErrorProfileAsync(predicted.Id))!.Normalised(3));
        Assert.Equal(await runs.ScalesAsync(trained.Id), await runs.ScalesAsync(predicted.Id));
    }

    [Fact]
    public async Task APredictRunRetrainsWhenNoModelIsActiveOrTheHorizonIsLongerThanTheModels()
    {
        var (test, service, _, registry) = await SetUpAsync();
        await using var _ = test;

        var first = await service.RunAsync(new ForecastRunRequest(7, CalibrationWindows: 1, Model: SmallModel) { Retrain = false });
        var longer = await service.RunAsync(new ForecastRunRequest(14, CalibrationWindows: 1, Model: SmallModel) { Retrain = false });

        Assert.Contains("\"model\":\"retrained: no model is active\"", first.Metrics);
        Assert.Contains($"\"model\":\"retrained: model {first.ModelId} forecasts 7 periods ahead, not 14\"", longer.Metrics);
        Assert.Equal(2, (await registry.ListAsync()).Count);
        Assert.Equal(7, (await registry.IntervalsAsync(first.ModelId!.Value)).Horizon);
        Assert.Equal([0.1, 0.5, 0.9, 0.95], (await registry.IntervalsAsync(longer.ModelId!.Value)).Levels);
    }

    [Fact]
    public async Task APredictRunWithAChangedModelFileFailsAndKeepsTheLastGoodForecast()
    {
        var (test, service, runs, registry) = await SetUpAsync();
        await using var _ = test;
        var trained = await service.RunAsync(new ForecastRunRequest(7, CalibrationWindows: 1, Model: SmallModel));
        var model = (await registry.ActiveAsync())!;
        var bytes = await File.ReadAllBytesAsync(model.Path);
        bytes[bytes.Length / 2] ^= 0x5A;
        await File.WriteAllBytesAsync(model.Path, bytes);

        var predicted = await service.RunAsync(new ForecastRunRequest(7, Model: SmallModel) { Retrain = false });

        Assert.Equal("failed", predicted.Status);
        Assert.Contains("is not the one saved", predicted.Error);
        Assert.Empty(await runs.ForecastsAsync(predicted.Id));
        Assert.Equal(trained.Id, (await runs.LatestSucceededAsync("forecast"))!.Id);
    }

    [Fact]
    public async Task CancellingARunKeepsThePreviousForecastsAndModel()
    {
        var (test, service, runs, registry) = await SetUpAsync();
        await using var _ = test;
        var good = await service.RunAsync(new ForecastRunRequest(7, CalibrationWindows: 1, Model: SmallModel));
        var before = await runs.ForecastsAsync(good.Id);

        using var cancel = new CancellationTokenSource();
        service.ProgressChanged += p => { if (p.Phase.Contains("training")) cancel.Cancel(); };
        var cancelled = await service.RunAsync(new ForecastRunRequest(7, CalibrationWindows: 1, Model: SmallModel with { Trees = 500 }), cancel.Token);

        Assert.Equal("cancelled", cancelled.Status);
        Assert.Empty(await runs.ForecastsAsync(cancelled.Id));
        Assert.Equal(before, await runs.ForecastsAsync(good.Id));
        Assert.Equal(good.Id, (await runs.LatestSucceededAsync("forecast"))!.Id);
        Assert.Equal(good.ModelId, (await registry.ActiveAsync())!.Id);
    }

    [Fact]
    public async Task ASecondRunWhileOneIsGoingIsRefused()
    {
        var (test, service, _, _) = await SetUpAsync();
        await using var _ = test;
        var started = new TaskCompletionSource();
        service.ProgressChanged += _ => started.TrySetResult();

        var first = service.RunAsync(new ForecastRunRequest(7, CalibrationWindows: 1, Model: SmallModel));
        await started.Task;
        var refused = await Assert.ThrowsAsync<RunInProgressException>(() => service.RunAsync(new ForecastRunRequest(7)));

        Assert.Equal("succeeded", (await first).Status);
        Assert.Equal((await first).Id, refused.RunId);
    }

    [Fact]
    public async Task ACutoffOutsideTheHistoryFailsTheRunWithAClearError()
    {
        var (test, service, _, _) = await SetUpAsync();
        await using var _ = test;
        var run = await service.RunAsync(new ForecastRunRequest(7, Cutoff: new DateOnly(2001, 1, 1), Model: SmallModel));
        Assert.Equal("failed", run.Status);
        Assert.Contains("inside the sales history", run.Error);
    }
}
