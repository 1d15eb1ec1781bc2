using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NexGen.Core.Forecasting;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;
using NexGen.Web.Forecasts;
using NexGen.Web.Services;

namespace NexGen.Tests.Web;

/// <summary>
/// The overview in a real browser, on <see cref="WebSamples"/> with one forecast run and one replenishment run. Every
/// series sold 12, 13, ... 21 units in weeks 0-9, so the last 4 weeks sold 18 + 19 + 20 + 21 = 78 and the 4 before
/// 14 + 15 + 16 + 17 = 62 (+25.8 %); over 6 series 468 against 372, at 2 x 78 x (1.2 + 1.9 + 2.5) = 873.6 in value.
/// One location: 234 units, 436.8 in value. The samples hold 10 weeks: nothing a year back.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class OverviewPageTests(BrowserFixture browser, ForecastedAppFixture fixture) : IClassFixture<ForecastedAppFixture>
{
    static ILocator Kpi(IPage page, string key) => page.Locator($"[data-kpi={key}]");

    static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static async Task ExpectLoadedAsync(IPage page, string location)
    {
        var overview = page.Locator("[data-testid=overview]");
        await Assertions.Expect(overview).ToHaveAttributeAsync("data-state", "loaded");
        await Assertions.Expect(overview).ToHaveAttributeAsync("data-location", location);
    }

    [Fact]
    public async Task KpisChartsAndTopListsFollowTheLocationFilterAndThePeriod()
    {
        var app = fixture.App;
        var runs = app.GetRequiredService<RunStore>();
        var forecast = await runs.ForecastsAsync(fixture.Run.Id);
        var first = forecast.Min(f => f.Date);
        var (replenishment, plan) = await app.GetRequiredService<ReplenishmentService>().RunAsync();

        var page = await browser.OpenLiveAsync(app.BaseUrl, "overview");
        try
        {
            await ExpectLoadedAsync(page, "");
            await Assertions.Expect(Kpi(page, "sales-units").Locator(".kpi-value")).ToHaveTextAsync("468");
            await Assertions.Expect(Kpi(page, "sales-units").Locator("[data-compare=previous]")).ToHaveTextAsync("▲ 25.8 % vs 4 weeks before");
            await Assertions.Expect(Kpi(page, "sales-units").Locator("[data-compare=last-year]")).ToHaveTextAsync("no sales history vs last year");
            await Assertions.Expect(Kpi(page, "sales-units").Locator(".kpi-caption")).ToHaveTextAsync("last 4 weeks, 2024-02-10 – 2024-03-08");
            await Assertions.Expect(Kpi(page, "sales-value").Locator(".kpi-value")).ToHaveTextAsync("874");
            await Assertions.Expect(Kpi(page, "forecast").Locator(".kpi-value")).ToHaveTextAsync(
                Number(forecast.Where(f => f.Date < first.AddDays(28)).Sum(f => f.Forecast)));
            await Assertions.Expect(Kpi(page, "forecast").Locator("[data-compare=value]")).ToContainTextAsync($"run #{fixture.Run.Id}");
            await Assertions.Expect(Kpi(page, "alerts").Locator(".kpi-value")).ToHaveTextAsync(Number(replenishment.Alerts));
            // The run's backtest WAPE, beside seasonal naive's.
            var metrics = ForecastRunMetrics.Parse(fixture.Run.Metrics);
            Assert.NotNull(metrics.NexGen?.Wape);
            await Assertions.Expect(Kpi(page, "accuracy").Locator(".kpi-value")).ToHaveTextAsync(
                (metrics.NexGen.Wape.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %");
            await Assertions.Expect(Kpi(page, "accuracy").Locator(".kpi-caption")).ToContainTextAsync(
                "seasonal naive " + (metrics.SeasonalNaive!.Wape!.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %");

            var trend = page.Locator("#overview-trend-plot");
            // The hidden p10 edge, the p10-p90 band, the p50 line and the history.
            await Assertions.Expect(trend.Locator(".scatterlayer .trace")).ToHaveCountAsync(4);
            await Assertions.Expect(trend.Locator(".legendtext")).ToHaveTextAsync(
                [ProductCharts.HistoryName, ProductCharts.ForecastName, ProductCharts.CentralBandName]);
            await Assertions.Expect(trend.Locator(".gtitle")).ToHaveTextAsync("Units sold per week, all locations: history and forecast");
            await Assertions.Expect(trend.Locator(".ytitle")).ToHaveTextAsync("Units per week");
            await Assertions.Expect(trend.Locator(".xtitle")).ToHaveTextAsync("Date");
            // plotly.js was fetched once, by the head's preload: the charts ran that copy.
            Assert.Equal(["link"], await page.EvaluateAsync<string[]>(
                "path => performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname === path).map(e => e.initiatorType)",
                PlotlyPreloader.BasicScriptPath));
            // Fruit (apples, apricots: 4 series x 78) before bakery (bread: 2 x 78); each bar's hover gives its share.
            var categories = page.Locator("[data-testid=category-chart]");
            await Assertions.Expect(categories.Locator("[data-testid=category-chart-title]")).ToHaveTextAsync("Sales by category, last 4 weeks");
            await Assertions.Expect(categories.Locator("[data-testid=category-chart-unit]")).ToHaveTextAsync("Units sold");
            await Assertions.Expect(categories.Locator(".breakdown-name")).ToHaveTextAsync(["fruit", "bakery"]);
            await Assertions.Expect(categories.Locator(".breakdown-value")).ToHaveTextAsync(["312", "156"]);
            await Assertions.Expect(categories.Locator(".breakdown-row").First).ToHaveAttributeAsync("title", "fruit: 312 units, 67 % of the total");
            await Assertions.Expect(categories.Locator(".breakdown-bar").Nth(1)).ToHaveAttributeAsync("style", "width: 50%");
            await Assertions.Expect(page.Locator("[data-testid=location-chart] .breakdown-name")).ToHaveTextAsync(["store-1", "store-2"]);

            // Every series sold 78 units: ties by location, then SKU. All rose by 16 units, none fell.
            await Assertions.Expect(page.Locator("[data-testid=top-sellers] [data-cell=current]")).ToHaveTextAsync(["78", "78", "78", "78", "78", "78"]);
            await Assertions.Expect(page.Locator("[data-testid=risers] [data-cell=change]").First).ToHaveTextAsync("+16");
            await Assertions.Expect(page.Locator("[data-testid=fallers-empty]")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("overview"), FullPage = true });

            // By value the most valuable lead: Bread (78 x 2.50 = 195) at both locations.
            await page.Locator("[data-testid=measure] .mud-toggle-item", new() { HasTextString = "Value" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=top-sellers] [data-cell=current]")).ToHaveTextAsync(["195", "195", "148", "148", "94", "94"]);
            await Assertions.Expect(page.Locator("[data-testid=category-chart-unit]")).ToHaveTextAsync("Sales value (currency)");
            // 13 weeks reach back over all 10: each series sold 12 + ... + 21 = 165 units.
            await page.Locator("[data-testid=measure] .mud-toggle-item", new() { HasTextString = "Units" }).ClickAsync();
            await page.Locator("[data-testid=period] .mud-toggle-item", new() { HasTextString = "13 weeks" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=category-chart-title]")).ToHaveTextAsync("Sales by category, last 13 weeks");
            await Assertions.Expect(page.Locator("[data-testid=top-sellers] [data-cell=current]").First).ToHaveTextAsync("165");
            // The 13 weeks before lie before the first sale: no risers, and the list says why.
            await Assertions.Expect(page.Locator("[data-testid=risers-empty]")).ToHaveTextAsync(
                "The sales history is shorter than 26 weeks: nothing to compare the last 13 weeks with.");

            // The app bar's location filter narrows every widget.
            await page.Locator("[data-testid=location-filter]").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "store-2" }).First.ClickAsync();
            await ExpectLoadedAsync(page, "store-2");
            await Assertions.Expect(Kpi(page, "sales-units").Locator(".kpi-value")).ToHaveTextAsync("234");
            await Assertions.Expect(Kpi(page, "sales-value").Locator(".kpi-value")).ToHaveTextAsync("437");
            await Assertions.Expect(Kpi(page, "forecast").Locator(".kpi-value")).ToHaveTextAsync(
                Number(forecast.Where(f => f.Location == "store-2" && f.Date < first.AddDays(28)).Sum(f => f.Forecast)));
            await Assertions.Expect(Kpi(page, "alerts").Locator(".kpi-value")).ToHaveTextAsync(
                Number(plan.Alerts.Count(a => a.Location == "store-2")));
            await Assertions.Expect(trend.Locator(".gtitle")).ToHaveTextAsync("Units sold per week, store-2: history and forecast");
            await Assertions.Expect(page.Locator("[data-testid=location-chart] .breakdown-name")).ToHaveTextAsync(["store-2"]);
            await Assertions.Expect(page.Locator("[data-testid=top-sellers] [data-cell=location]")).ToHaveTextAsync(["store-2", "store-2", "store-2"]);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("overview-store-2"), FullPage = true });

            await page.Locator("[data-testid=theme-toggle]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-label", "Switch to light theme");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("overview-dark"), FullPage = true });

            // A top seller opens its product page.
            await page.Locator("[data-testid=top-sellers] [data-cell=product] a").First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/products/store-2/A1$"));
            await Assertions.Expect(page.Locator("[data-testid=product]")).ToHaveAttributeAsync("data-state", "loaded");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task EmptyStatesSayWhatToDoNext()
    {
        await using (var empty = NexGenWebApp.Start(new Dictionary<string, string?> { ["NexGen:LoadSamplesOnFirstStart"] = "false" }))
        {
            var page = await browser.OpenLiveAsync(empty.BaseUrl, "overview");
            try
            {
                await Assertions.Expect(page.Locator("[data-testid=overview]")).ToHaveAttributeAsync("data-state", "empty");
                await Assertions.Expect(page.Locator("[data-testid=overview-empty]")).ToContainTextAsync("Upload sales to start");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("overview-empty") });
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }

        await using var unforecast = NexGenWebApp.Start();
        var overview = await browser.OpenLiveAsync(unforecast.BaseUrl, "overview");
        try
        {
            await ExpectLoadedAsync(overview, "");
            await Assertions.Expect(Kpi(overview, "forecast").Locator(".kpi-caption")).ToHaveTextAsync("Run a forecast to see it here");
            await Assertions.Expect(Kpi(overview, "accuracy").Locator(".kpi-caption")).ToHaveTextAsync("Run a forecast to see it here");
            await Assertions.Expect(Kpi(overview, "alerts").Locator(".kpi-caption")).ToContainTextAsync("No replenishment run yet");
            await Assertions.Expect(overview.Locator("[data-testid=trend-no-forecast]")).ToContainTextAsync("Run a forecast to see it here");
            await Assertions.Expect(overview.Locator("#overview-trend-plot .scatterlayer .trace")).ToHaveCountAsync(1);
            await overview.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("overview-no-forecast"), FullPage = true });

            // A forecast run made elsewhere (another user, the schedule) shows up on the open page when it ends.
            var run = await unforecast.GetRequiredService<ForecastService>().RunAsync(LatestRunCardTests.SmallRequest());
            Assert.Equal("succeeded", run.Status);
            await Assertions.Expect(Kpi(overview, "forecast").Locator("[data-compare=value]")).ToContainTextAsync($"run #{run.Id}");
            await Assertions.Expect(overview.Locator("#overview-trend-plot .scatterlayer .trace")).ToHaveCountAsync(4);
            await Assertions.Expect(overview.Locator("[data-testid=trend-no-forecast]")).ToHaveCountAsync(0);
        }
        finally
        {
            await overview.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task OnManySlowSeriesTheTotalLineIsTheSumOfPointForecastsWithinItsOwnBand()
    {
        // 80 generated SKUs at one store, a third of them slow and intermittent: their medians are far below their
        // means, so a line of summed medians would drop well under the 4-week forecast card.
        var samples = Directory.CreateTempSubdirectory("nexgen-slow-samples-").FullName;
        try
        {
            await new NexGen.Core.Samples.SampleDataGenerator().GenerateAsync(
                new NexGen.Core.Samples.SampleDataOptions(Locations: 1, Skus: 80, Days: 240, Seed: 11), samples);
            await using var app = NexGenWebApp.Start(new Dictionary<string, string?> { ["NexGen:SamplesPath"] = samples });
            var run = await app.GetRequiredService<ForecastService>().RunAsync(new ForecastRunRequest(28, null,
                Model: new GlobalModelOptions { Trees = 40, MaxTrainingRows = 40_000 }, CalibrationWindows: 2));
            Assert.True(run.Status == "succeeded", run.Error);
            var page = await browser.OpenLiveAsync(app.BaseUrl, "overview");
            try
            {
                await ExpectLoadedAsync(page, "");
                var card = double.Parse(await Kpi(page, "forecast").Locator(".kpi-value").InnerTextAsync(), NumberStyles.Number, CultureInfo.InvariantCulture);
                var trend = page.Locator("#overview-trend-plot");
                await Assertions.Expect(trend.Locator(".legendtext")).ToHaveTextAsync(
                    [ProductCharts.HistoryName, ProductCharts.ForecastName, ProductCharts.CentralBandName]);
                // Each forecast trace starts at the last period sold: its first 28 days come after that point.
                var traces = await page.EvaluateAsync<double[][]>("""
                    names => names.map(name => document.getElementById('overview-trend-plot').data
                        .find(t => t.name === name).y.slice(1, 29))
                    """, new[] { ProductCharts.ForecastName, "p10", ProductCharts.CentralBandName });
                var (line, p10, p90) = (traces[0], traces[1], traces[2]);

                Assert.Equal(28, line.Length);
                Assert.InRange(line.Sum(), 0.9 * card, 1.1 * card);
                Assert.All(Enumerable.Range(0, 28), d => Assert.True(p10[d] <= line[d] && line[d] <= p90[d], $"day {d + 1}: {p10[d]} {line[d]} {p90[d]}"));
                await Assertions.Expect(page.Locator("[data-testid=trend-caption]")).ToContainTextAsync("the band is the total's own");
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
        finally
        {
            Directory.Delete(samples, recursive: true);
        }
    }
}
