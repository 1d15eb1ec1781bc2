using Dapper;
using NexGen.Core.Features;
using NexGen.Core.Forecasting;
using NexGen.Core.Ingestion;
using NexGen.Core.Samples;

namespace NexGen.Tests.Forecasting;

/// <summary>The engine on a small generated data set: leakage, determinism, intervals, cancellation.</summary>
public class ForecastEngineTests
{
    static readonly ForecastEngineOptions Options = new()
    {
        Horizon = 14,
        CalibrationWindows = 2,
        Model = new GlobalModelOptions { Trees = 40, MaxTrainingRows = 40_000, TrainingWindow = 120 },
    };

    /// <summary>
    /// 2 locations x 12 SKUs x 300 days of the sample generator, imported into a fresh store, with two exogenous
    /// variables: a weekly index for every location and a daily temperature per location.
    /// </summary>
    static async Task<TestStore> SmallStoreAsync()
    {
        var test = new TestStore();
        var folder = Path.Combine(test.Folder, "data");
        await new SampleDataGenerator().GenerateAsync(new SampleDataOptions(Locations: 2, Skus: 12, Days: 300, Seed: 5), folder);
        var reports = await new FolderImporter(test.Importer).ImportAsync(folder);
        Assert.All(reports, r => Assert.Equal(ImportStatus.Succeeded, r.Status));
        var first = test.Query<DateOnly>("SELECT min(date) FROM sales")[0];
        var locations = test.Query<string>("SELECT DISTINCT location FROM sales ORDER BY 1");
        var lines = Enumerable.Range(0, 300).SelectMany(d => locations.Select((l, i) =>
            FormattableString.Invariant($"{l},{first.AddDays(d):yyyy-MM-dd},{10 + 8 * Math.Sin(d / 58.0) + i},{(d % 7 == 0 ? 100 + d / 7 : "")}")));
        var exogenous = test.WriteFile("features.csv", "location,date,temperature,index\n" + string.Join('\n', lines) + "\n");
        Assert.Equal(ImportStatus.Succeeded, (await test.ImportAsync(DataKind.Exogenous, exogenous)).Status);
        return test;
    }

    static Task<SalesPanel> PanelAsync(TestStore test) => new SalesPanelLoader(test.Store).LoadAsync();

    [Fact]
    public async Task CorruptingEverySaleAfterTheCutoffLeavesTheForecastUnchanged()
    {
        await using var test = await SmallStoreAsync();
        var panel = await PanelAsync(test);
        var cutoff = panel.Periods - 40;
        var before = new ForecastEngine(panel, Options).Forecast(cutoff);

        using (var connection = test.Store.Open())
        {
            connection.Execute("UPDATE sales SET quantity = quantity * 7 + 13, price = 999, promo = NOT coalesce(promo, false) WHERE date > $cutoff",
                new { cutoff = panel.DateOf(cutoff) });
            connection.Execute("UPDATE exogenous SET value = value * 3 + 50 WHERE date > $cutoff", new { cutoff = panel.DateOf(cutoff) });
        }
        var corrupted = await PanelAsync(test);
        Assert.NotEqual(panel.Quantity[panel.Periods - 1], corrupted.Quantity[panel.Periods - 1]);
        Assert.NotEqual(panel.ExogenousAt(1, 0, panel.Periods - 1), corrupted.ExogenousAt(1, 0, panel.Periods - 1));
        Assert.Contains("x_temperature", FeatureSpec.For(corrupted).Names);
        var after = new ForecastEngine(corrupted, Options).Forecast(cutoff);

        Assert.Equal(before.Point, after.Point);
        for (var level = 0; level < before.Levels.Count; level++)
            Assert.Equal(before.Quantiles[level], after.Quantiles[level]);
    }

    [Fact]
    public async Task SameDataAndSettingsGiveTheSameForecast()
    {
        await using var test = await SmallStoreAsync();
        var first = new ForecastEngine(await PanelAsync(test), Options).Forecast((await PanelAsync(test)).Periods - 1);
        var second = new ForecastEngine(await PanelAsync(test), Options).Forecast((await PanelAsync(test)).Periods - 1);
        Assert.Equal(first.Point, second.Point);
        Assert.Equal(first.Quantiles[^1], second.Quantiles[^1]);
    }

    [Fact]
    public async Task QuantilesAreOrderedAndNonNegative()
    {
        await using var test = await SmallStoreAsync();
        var panel = await PanelAsync(test);
        var forecast = new ForecastEngine(panel, Options).Forecast(panel.Periods - 1);
        var p10 = forecast.Quantiles[0];
        var p50 = forecast.Quantiles[1];
        var p90 = forecast.Quantiles[2];
        var p95 = forecast.Quantiles[3];
        foreach (var s in forecast.ForecastSeries)
            for (var h = 0; h < forecast.Horizon; h++)
            {
                var i = s * forecast.Horizon + h;
                Assert.True(p10[i] >= 0 && p10[i] <= p50[i] && p50[i] <= p90[i] && p90[i] <= p95[i], $"series {s} h {h + 1}: {p10[i]} {p50[i]} {p90[i]} {p95[i]}");
            }
        Assert.True(forecast.CalibrationMetrics.ContainsKey(ModelNames.SeasonalNaive));
    }

    [Fact]
    public async Task AModelWithoutAYearOfHistoryForecastsHalfwayToLastYearsSameWeek()
    {
        // 30 SKUs x 52 weeks, about 100 a week, ten times that in the first 4 weeks: the same weeks a year before the
        // four forecast weeks. No training target has a year of history, so the model learns corrections to the recent
        // mean (about 100); the forecast is the mean of that and last year's same week (about 1,000), no baseline
        // replaces it.
        await using var test = new TestStore();
        var start = new DateOnly(2023, 1, 6);
        var lines = Enumerable.Range(1, 30).SelectMany(sku => Enumerable.Range(0, 52).Select(week =>
            FormattableString.Invariant($"S{sku:00},{start.AddDays(7 * week):yyyy-MM-dd},{Weekly(sku, week)}")));
        var sales = test.WriteFile("weekly.csv", "sku,date,quantity\n" + string.Join('\n', lines) + "\n");
        Assert.Equal(ImportStatus.Succeeded, (await test.ImportAsync(DataKind.Sales, sales)).Status);
        var panel = await PanelAsync(test);

        var forecast = new ForecastEngine(panel, Options with { Horizon = 4, CalibrationWindows = 1 }).Forecast(panel.Periods - 1);

        Assert.False(forecast.Settings.SeasonalBase);
        Assert.All(forecast.Model, m => Assert.Equal(ModelNames.Global, m));
        foreach (var s in forecast.ForecastSeries)
            for (var h = 0; h < 4; h++)
            {
                var sku = int.Parse(panel.Series[s].Sku[1..], System.Globalization.CultureInfo.InvariantCulture);
                var lastYear = Weekly(sku, h);
                Assert.InRange(forecast.Point[s * 4 + h], (60 + lastYear) / 2f, (160 + lastYear) / 2f);
            }

        static int Weekly(int sku, int week) => (100 + (sku * 7 + week * 13) % 20) * (week < 4 ? 10 : 1);
    }

    [Fact]
    public async Task TheFirstPeriodsBreakdownAddsUpToTheDampedForecast()
    {
        await using var test = await SmallStoreAsync();
        var panel = await PanelAsync(test);
        var cutoff = panel.Periods - 1;
        var spec = FeatureSpec.For(panel);
        var options = Options.Model with { Damping = 0.8 };
        var forecaster = new GlobalForecaster(panel, spec, options);
        var rows = forecaster.BuildRows(cutoff - options.TrainingWindow, cutoff, Options.Horizon, cutoff);
        var model = forecaster.Fit(rows, cutoff, null, options.Trees);

        var point = forecaster.Predict(model, cutoff, Options.Horizon);
        var (bases, corrections) = forecaster.PredictParts(model, cutoff, Options.Horizon);
        var explained = forecaster.Explain(model, cutoff, top: 5);

        foreach (var series in panel.Series)
        {
            var i = series.Index * Options.Horizon;
            Assert.Equal(Math.Max(0, bases[i] + 0.8f * corrections[i]), point[i], 3);
            var breakdown = explained[series.Index]!;
            Assert.Equal(point[i], breakdown.Forecast, 3);
            Assert.Equal(breakdown.Forecast, breakdown.Base + breakdown.Contributions.Sum(c => c.Contribution) + breakdown.EverythingElse, 2);
        }
        Assert.Contains(panel.Series, s => corrections[s.Index * Options.Horizon] != 0);
    }

    [Fact]
    public void TheDampingIsTheShareOfTheCorrectionThatFitsTheCalibrationWindowsBest()
    {
        // Two series, one origin, two periods: base 100, the model's correction +10, the actual 107 (+7 = 0.7 x 10).
        var parts = new Dictionary<int, (float[] Bases, float[] Corrections)> { [5] = ([100, 100, 100, 100], [10, 10, 10, 10]) };
        double[][] overshooting = [[107, 107], [107, 107]];
        double[][] right = [[110, 110], [110, 110]];

        Assert.Equal(0.7, ForecastEngine.Damping(parts, new() { [5] = overshooting }), 6);
        Assert.Equal(1, ForecastEngine.Damping(parts, new() { [5] = right }), 6);
        // Corrections worth nothing still keep the floor's share.
        Assert.Equal(0.7, ForecastEngine.Damping(parts, new() { [5] = [[100, 100], [100, 100]] }), 6);
    }

    [Fact]
    public async Task CancellingStopsTheEngine()
    {
        await using var test = await SmallStoreAsync();
        var panel = await PanelAsync(test);
        using var cancel = new CancellationTokenSource();
        // Cancelled while the calibration model trains: 800 trees on one thread that never stop early take about 30 s.
        var progress = new Progress(p => { if (p.Phase.StartsWith("calibrating", StringComparison.Ordinal)) cancel.CancelAfter(300); });
        var options = Options with { Model = Options.Model with { Trees = 800, EarlyStoppingRounds = 800, LearningRate = 0.001, Threads = 1 } };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => new ForecastEngine(panel, options).Forecast(panel.Periods - 1, progress, cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"cancelling took {clock.Elapsed}");
    }

    sealed class Progress(Action<(string Phase, double Fraction)> report) : IProgress<(string Phase, double Fraction)>
    {
        public void Report((string Phase, double Fraction) value) => report(value);
    }
}
