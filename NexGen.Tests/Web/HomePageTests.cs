using System.Globalization;
using Microsoft.Playwright;
using NexGen.Core.Store;

namespace NexGen.Tests.Web;

/// <summary>
/// The home page and the Data page's summary in a real browser against the whole app, started on the samples of
/// <see cref="WebSamples"/>.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HomePageTests(BrowserFixture browser, SampleAppFixture fixture) : IClassFixture<SampleAppFixture>, IAsyncLifetime
{
    public const string ScreenshotPath = "/tmp/nexgen-home.png";

    IPage? _page;

    NexGenWebApp App => fixture.App;

    static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_page is not null)
            await _page.Context.CloseAsync();
    }

    [Fact]
    public async Task HomePageIsTheOverviewWithTheLatestForecastAndTheTopAlertsAndNoUpload()
    {
        _page = await browser.OpenLiveAsync(App.BaseUrl);
        var page = _page;

        await Assertions.Expect(page.Locator("[data-testid=overview]")).ToHaveAttributeAsync("data-state", "loaded");
        await Assertions.Expect(page.Locator("[data-testid=overview-empty]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=latest-run]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=run-forecast]")).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=top-alerts]")).ToBeVisibleAsync();
        // Uploads are the Data page's: one way to import, with its mapping step.
        await Assertions.Expect(page.Locator("input[type=file]")).ToHaveCountAsync(0);

        // The navigation links every page of the dashboard.
        foreach (var nav in new[] { "products", "replenishment", "data", "runs" })
            await Assertions.Expect(page.Locator($"[data-nav={nav}]")).ToHaveCountAsync(1);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/nexgen-home-full.png", FullPage = true });

        // The theme toggle switches to dark and back.
        var toggle = page.Locator("[data-testid=theme-toggle]");
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-label", "Switch to light theme");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/nexgen-home-dark.png" });
    }

    [Fact]
    public async Task DataPageShowsWhatTheSamplesLoadedOnFirstStartHold()
    {
        var info = await App.GetRequiredService<StoreInfoReader>().ReadAsync(50);
        Assert.True(info.SalesRows >= WebSamples.SalesRows, $"the samples' {WebSamples.SalesRows} sales rows are loaded (found {info.SalesRows})");
        Assert.Contains(info.RecentImports, i => i.FileName == "sales.csv" && i.Status == "succeeded");

        _page = await browser.OpenLiveAsync(App.BaseUrl + "/data", "data-page");
        var page = _page;

        var summary = page.Locator("[data-testid=store-summary]");
        await Assertions.Expect(summary.Locator("[data-kpi=sales-rows] .kpi-value")).ToHaveTextAsync(Count(info.SalesRows));
        await Assertions.Expect(summary.Locator("[data-kpi=grain] .kpi-value")).ToHaveTextAsync("weekly");
        await Assertions.Expect(summary.Locator("[data-kpi=grain] .kpi-caption")).ToHaveTextAsync("weeks end on Friday");
        await Assertions.Expect(summary.Locator("[data-kpi=date-range] .kpi-value")).ToHaveTextAsync("2024-01-05");
        await Assertions.Expect(summary.Locator("[data-kpi=date-range] .kpi-caption")).ToHaveTextAsync($"to {info.LastSalesDate:yyyy-MM-dd}");
        await Assertions.Expect(summary.Locator("[data-kpi=skus] .kpi-value")).ToHaveTextAsync(Count(info.Skus));
        await Assertions.Expect(summary.Locator("[data-kpi=series] .kpi-value")).ToHaveTextAsync(Count(info.Series));
        await Assertions.Expect(page.Locator("[data-kind=products] .kind-count")).ToHaveTextAsync(Count(WebSamples.Products));
        await Assertions.Expect(page.Locator("[data-kind=events] .kind-count")).ToHaveTextAsync(Count(WebSamples.Events));
        await Assertions.Expect(page.Locator("[data-testid=imports] [data-cell=file]", new() { HasTextString = "products.csv" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=empty-store]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/nexgen-data-summary.png" });
    }
}
