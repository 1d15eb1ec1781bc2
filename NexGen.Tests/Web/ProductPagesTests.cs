using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NexGen.Core.Catalog;
using NexGen.Core.Forecasting;
using NexGen.Core.Store;
using NexGen.Web.Forecasts;

namespace NexGen.Tests.Web;

/// <summary>
/// The Products grid and the product page in a real browser, on <see cref="WebSamples"/> with one forecast run.
/// Every series sold 18 + 19 + 20 + 21 = 78 units in the last 4 weeks, so the value of those weeks ranks them by unit
/// price: B1 (Bread, 2.50) 195, A2 (Apricots, 1.90) 148.2, A1 (Apples, 1.20) 93.6, each at store-1 and store-2.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ProductPagesTests(BrowserFixture browser, ForecastedAppFixture fixture) : IClassFixture<ForecastedAppFixture>
{
    static ILocator SkuCells(IPage page) => page.Locator("[data-testid=products-grid] [data-cell=sku]");

    [Fact]
    public async Task ProductsGridSearchesFiltersSortsAndOpensTheProductPage()
    {
        var page = await browser.OpenLiveAsync(fixture.App.BaseUrl + "/products", "products");
        try
        {
            // Most valuable first: the initial sort is the value of the last 4 weeks, descending.
            await Assertions.Expect(SkuCells(page)).ToHaveTextAsync(["B1", "B1", "A2", "A2", "A1", "A1"]);
            await Assertions.Expect(page.Locator("[data-testid=product-count]")).ToHaveTextAsync("6 products");
            var first = page.Locator("[data-testid=products-grid] tbody tr").First;
            await Assertions.Expect(first).ToContainTextAsync("store-1");
            await Assertions.Expect(first).ToContainTextAsync("Bread");
            await Assertions.Expect(first).ToContainTextAsync("195");
            // The forecast column sums the run's 4 weekly forecasts of the series.
            var forecast = await fixture.App.GetRequiredService<RunStore>().ForecastsAsync(fixture.Run.Id, "store-1", "B1");
            Assert.Equal(4, forecast.Count);
            await Assertions.Expect(first.Locator("[data-cell=forecast]")).ToHaveTextAsync(
                forecast.Sum(f => f.Forecast).ToString("N0", CultureInfo.InvariantCulture));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("products") });

            // A click on the Location header sorts by location (then SKU): store-1's three, then store-2's.
            await page.Locator("[data-testid=products-grid] th", new() { HasTextString = "Location" }).Locator(".sortable-column-header").ClickAsync();
            await Assertions.Expect(SkuCells(page)).ToHaveTextAsync(["A1", "A2", "B1", "A1", "A2", "B1"]);
            await Assertions.Expect(page.Locator("[data-testid=products-grid] tbody tr").First).ToContainTextAsync("store-1");
            // A second click sorts descending: store-2 first (SKUs still ascending within a location).
            await page.Locator("[data-testid=products-grid] th", new() { HasTextString = "Location" }).Locator(".sortable-column-header").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=products-grid] tbody tr").First).ToContainTextAsync("store-2");

            await page.Locator("input[data-testid=product-search]").FillAsync("apr");
            await Assertions.Expect(SkuCells(page)).ToHaveTextAsync(["A2", "A2"]);
            await page.Locator("input[data-testid=product-search]").FillAsync("");
            await Assertions.Expect(SkuCells(page)).ToHaveCountAsync(6);

            await BrowserFixture.ChooseAsync(page, "category-filter", "fruit");
            await Assertions.Expect(SkuCells(page)).ToHaveTextAsync(["A1", "A2", "A1", "A2"]);

            // The app bar's location filter narrows this page too.
            await BrowserFixture.ChooseAsync(page, "location-filter", "store-2");
            await Assertions.Expect(SkuCells(page)).ToHaveTextAsync(["A1", "A2"]);
            await Assertions.Expect(page.Locator("[data-testid=grid-location]")).ToHaveTextAsync("store-2");
            await Assertions.Expect(page.Locator("[data-testid=product-count]")).ToHaveTextAsync("2 products");

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("products-filtered") });

            await page.Locator("[data-testid=products-grid] tbody tr", new() { HasTextString = "Apricots" }).Locator("td").Nth(3).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/products/store-2/A2$"));
            await Assertions.Expect(page.Locator("[data-testid=product]")).ToHaveAttributeAsync("data-state", "loaded");
            await Assertions.Expect(page.Locator("[data-testid=product-title]")).ToHaveTextAsync("Apricots");
            await Assertions.Expect(page.Locator("#history-chart-plot .legendtext")).ToHaveCountAsync(5);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ProductPageShowsHistoryWithTheForecastBandsTheModelAndTheFacts()
    {
        var app = fixture.App;
        var detail = await app.GetRequiredService<ProductDetailReader>().ReadAsync("store-1", "A1");
        Assert.NotNull(detail);
        Assert.Equal(4, detail.Forecast.Count);
        // One calibration window of 4 weeks before the cutoff.
        Assert.Equal(fixture.Run.Id, detail.BacktestRunId);
        Assert.Equal(4, detail.Backtests.Count);
        var (seriesWape, naiveWape, periods) = detail.BacktestWape;

        var page = await browser.OpenLiveAsync(app.BaseUrl + "/products/store-1/A1", "product");
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=product]")).ToHaveAttributeAsync("data-state", "loaded");
            var chart = page.Locator("#history-chart-plot");
            // History, the hidden p10 edge of the band, the p10-p90 and p90-p95 bands, the p50 line and the backtest.
            await Assertions.Expect(chart.Locator(".scatterlayer .trace")).ToHaveCountAsync(6);
            // Plotly lists filled traces last-drawn first: the legend reads from the history out to the widest band.
            await Assertions.Expect(chart.Locator(".legendtext")).ToHaveTextAsync(
                [ProductCharts.HistoryName, ProductCharts.BacktestName, ProductCharts.ForecastName, ProductCharts.UpperBandName, ProductCharts.CentralBandName]);
            await Assertions.Expect(chart.Locator(".gtitle")).ToHaveTextAsync("Units sold per week: history and forecast");
            await Assertions.Expect(chart.Locator(".ytitle")).ToHaveTextAsync("Units per week");
            // The bands are filled areas (Plotly draws a fill as a path in the trace's .fills group).
            await Assertions.Expect(chart.Locator(".scatterlayer .trace .fills path")).ToHaveCountAsync(2);

            var facts = page.Locator("[data-testid=product-facts]");
            await Assertions.Expect(facts.Locator("[data-fact=on-hand]")).ToHaveTextAsync("25 units (as of 2024-03-08)");
            await Assertions.Expect(facts.Locator("[data-fact=lead-time]")).ToHaveTextAsync("unknown");
            await Assertions.Expect(facts.Locator("[data-fact=unit-cost]")).ToHaveTextAsync("0.5 / 1.2");
            var forecast = page.Locator("[data-testid=forecast-facts]");
            await Assertions.Expect(forecast.Locator("[data-fact=run]")).ToContainTextAsync($"#{fixture.Run.Id}");
            await Assertions.Expect(forecast.Locator("[data-fact=next-4-weeks]")).ToHaveTextAsync(
                detail.Forecast.Sum(f => f.Forecast).ToString("#,0.#", CultureInfo.InvariantCulture) + " units");
            await Assertions.Expect(forecast.Locator("[data-fact=wape]")).ToContainTextAsync("seasonal naive");
            await Assertions.Expect(forecast.Locator("[data-fact=series-wape]")).ToHaveTextAsync(
                $"NexGen {seriesWape * 100:0.0} %, seasonal naive {naiveWape * 100:0.0} % ({periods} periods, run #{fixture.Run.Id})");
            // No replenishment run yet: the card says what to do.
            await Assertions.Expect(page.Locator("[data-testid=replenishment-card] [data-testid=no-suggestion]")).ToContainTextAsync("Run a forecast, then Check stock now");

            if (detail.Explanations.Count > 0)
                await Assertions.Expect(page.Locator("#contributions-chart-plot .barlayer .point")).ToHaveCountAsync(detail.Explanations.Count + 1);
            else
                await Assertions.Expect(page.Locator("[data-testid=no-contributions]")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("product"), FullPage = true });

            var toggle = page.Locator("[data-testid=theme-toggle]");
            await toggle.ClickAsync();
            await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-label", "Switch to light theme");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("product-dark"), FullPage = true });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task EmptyStatesSayWhatToDoNextAndARunsContributionsAreDrawn()
    {
        await using (var empty = NexGenWebApp.Start(new Dictionary<string, string?> { ["NexGen:LoadSamplesOnFirstStart"] = "false" }))
        {
            var page = await browser.OpenLiveAsync(empty.BaseUrl + "/products", "products");
            try
            {
                await Assertions.Expect(page.Locator("[data-testid=products-empty]")).ToContainTextAsync("Upload sales to start");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("products-empty") });
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }

        await using var unforecast = NexGenWebApp.Start();
        var runs = unforecast.GetRequiredService<RunStore>();
        Assert.Null(await runs.LatestSucceededAsync("forecast"));
        var product = await browser.OpenLiveAsync(unforecast.BaseUrl + "/products/store-2/B1", "product");
        try
        {
            await Assertions.Expect(product.Locator("[data-testid=no-forecast]")).ToContainTextAsync("Run a forecast to see it here");
            await Assertions.Expect(product.Locator("#history-chart-plot .scatterlayer .trace")).ToHaveCountAsync(1);
            await product.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("product-no-forecast"), FullPage = true });

            await product.GotoAsync(unforecast.BaseUrl + "/products/store-9/ZZ");
            await Assertions.Expect(product.Locator("[data-testid=product]")).ToHaveAttributeAsync("data-state", "not-found");

            // A run whose global model explains store-2/B1 with a base, two features and everything else, which add up to
            // the first week's forecast (20): one bar each from the top, then the forecast itself.
            var id = await runs.StartAsync("forecast", "manual", "{}", null);
            var rows = Enumerable.Range(1, 4).Select(week => new ForecastRow(
                "store-2", "B1", WebSamples.FirstFriday.AddDays(7 * (9 + week)), 20, 15, 20, 26, 30, ModelNames.Global));
            await runs.CompleteAsync(id, null, null, rows, new ForecastDetails
            {
                Explanations =
                [
                    new ForecastExplanation("store-2", "B1", 0, ForecastExplanation.BaseFeature, 18),
                    new ForecastExplanation("store-2", "B1", 1, "lag_1", 2.5),
                    new ForecastExplanation("store-2", "B1", 2, "week_of_year", -0.75),
                    new ForecastExplanation("store-2", "B1", 3, ForecastExplanation.RestFeature, 0.25),
                ],
            });
            await product.GotoAsync(unforecast.BaseUrl + "/products/store-2/B1");
            var bars = product.Locator("#contributions-chart-plot");
            await Assertions.Expect(bars.Locator(".barlayer .point")).ToHaveCountAsync(5);
            await Assertions.Expect(bars.Locator(".gtitle")).ToHaveTextAsync("How the first forecast period adds up");
            await Assertions.Expect(bars.Locator(".xtitle")).ToHaveTextAsync("Units per week");
            await Assertions.Expect(bars.Locator(".ytick text"))
                .ToHaveTextAsync(["Forecast", "Everything else", "Week of the year", "Sales in the latest week", "Seasonal base"]);
            await Assertions.Expect(product.Locator("[data-fact=model]")).ToHaveTextAsync("NexGen global model (gradient boosting)");
            await Assertions.Expect(product.Locator("[data-fact=next-4-weeks]")).ToHaveTextAsync("80 units");
            await Assertions.Expect(product.Locator("[data-fact=wape]")).ToHaveTextAsync("not recorded");
            await product.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("product-contributions"), FullPage = true });
        }
        finally
        {
            await product.Context.CloseAsync();
        }
    }
}
