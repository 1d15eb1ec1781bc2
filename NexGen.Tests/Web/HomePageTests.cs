using System.Globalization;
using Microsoft.Playwright;
using NexGen.Core.Store;

namespace NexGen.Tests.Web;

/// <summary>The home page in a real browser against the whole app, started on the samples of <see cref="WebSamples"/>.</summary>
[Collection(WebCollection.Name)]
public sealed class HomePageTests(BrowserFixture browser, SampleAppFixture fixture) : IClassFixture<SampleAppFixture>, IAsyncLifetime
{
    public const string ScreenshotPath = "/tmp/nexgen-home.png";

    readonly string _folder = Directory.CreateTempSubdirectory("nexgen-upload-test-").FullName;
    IPage? _page;

    NexGenWebApp App => fixture.App;

    Task<StoreInfo> StoreInfoAsync() => App.GetRequiredService<StoreInfoReader>().ReadAsync(50);

    static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_page is not null)
            await _page.Context.CloseAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task HomePageShowsTheSampleDataLoadedOnFirstStart()
    {
        var info = await StoreInfoAsync();
        Assert.True(info.SalesRows >= WebSamples.SalesRows, $"the samples' {WebSamples.SalesRows} sales rows are loaded (found {info.SalesRows})");
        Assert.Contains(info.RecentImports, i => i.FileName == "sales.csv" && i.Status == "succeeded");

        _page = await browser.OpenLiveAsync(App.BaseUrl);
        var page = _page;

        await Assertions.Expect(page.Locator("[data-kpi=sales-rows] .kpi-value")).ToHaveTextAsync(Count(info.SalesRows));
        await Assertions.Expect(page.Locator("[data-kpi=grain] .kpi-value")).ToHaveTextAsync("weekly");
        await Assertions.Expect(page.Locator("[data-kpi=grain] .kpi-caption")).ToHaveTextAsync("weeks end on Friday");
        await Assertions.Expect(page.Locator("[data-kpi=date-range] .kpi-value")).ToHaveTextAsync("2024-01-05");
        await Assertions.Expect(page.Locator("[data-kpi=skus] .kpi-value")).ToHaveTextAsync(Count(info.Skus));
        await Assertions.Expect(page.Locator("[data-table=products]")).ToContainTextAsync(Count(WebSamples.Products));
        await Assertions.Expect(page.Locator("[data-table=events]")).ToContainTextAsync(Count(WebSamples.Events));
        await Assertions.Expect(page.Locator("[data-testid=imports] [data-cell=file]", new() { HasTextString = "products.csv" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=empty-store]")).ToHaveCountAsync(0);

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
    public async Task UploadingValidSalesImportsThemAndAddsARowToTheImports()
    {
        var before = await StoreInfoAsync();
        var fileName = $"upload-ok-{Guid.NewGuid():N}.csv";
        var path = Path.Combine(_folder, fileName);
        await File.WriteAllTextAsync(path, WebSamples.WeeklySales("store-upload", weeks: 3, skus: ["A1", "B1"]));

        _page = await browser.OpenLiveAsync(App.BaseUrl);
        var page = _page;
        await BrowserFixture.ChooseFileAsync(page, path);

        var report = page.Locator("[data-testid=import-report]");
        await Assertions.Expect(report).ToHaveAttributeAsync("data-status", "succeeded");
        await Assertions.Expect(report.Locator("[data-testid=import-format]")).ToContainTextAsync("comma-separated");
        await Assertions.Expect(report.Locator("[data-testid=import-format]")).ToContainTextAsync("yyyy-MM-dd");

        var row = page.Locator("[data-testid=imports] tbody tr", new() { HasTextString = fileName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("[data-cell=status]")).ToHaveTextAsync("succeeded");
        await Assertions.Expect(row.Locator("[data-cell=rows]")).ToHaveTextAsync("6");

        var after = await StoreInfoAsync();
        Assert.Equal(before.SalesRows + 6, after.SalesRows);
        Assert.Equal(before.RecentImports.Count + 1, after.RecentImports.Count);
        var audit = await App.GetRequiredService<NexGen.Core.Security.AuditLog>().RecentAsync(10);
        Assert.Contains(audit, e => e.Actor == "local" && e.Action == "import" && e.Target == $"import {after.RecentImports[0].Id}");
        await Assertions.Expect(page.Locator("[data-kpi=sales-rows] .kpi-value")).ToHaveTextAsync(Count(after.SalesRows));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/nexgen-upload-succeeded.png", FullPage = true });
    }

    [Fact]
    public async Task UploadingSalesWithABadDateShowsTheLineAndColumnAndChangesNothing()
    {
        var before = await StoreInfoAsync();
        var fileName = $"upload-bad-date-{Guid.NewGuid():N}.csv";
        var path = Path.Combine(_folder, fileName);
        await File.WriteAllTextAsync(path,
            "location,sku,date,quantity\n" +      // line 1
            "store-bad,A1,2024-01-05,4\n" +       // line 2
            "store-bad,A1,2024-01-12,5\n" +       // line 3
            "store-bad,A1,2024-13-45,6\n" +       // line 4: no such date
            "store-bad,A1,2024-01-26,7\n");       // line 5

        _page = await browser.OpenLiveAsync(App.BaseUrl);
        var page = _page;
        await BrowserFixture.ChooseFileAsync(page, path);

        var report = page.Locator("[data-testid=import-report]");
        await Assertions.Expect(report).ToHaveAttributeAsync("data-status", "rejected");
        await Assertions.Expect(report.Locator("[data-code=bad_date]")).ToBeVisibleAsync();
        var issue = report.Locator("[data-testid=import-issues] tbody tr", new() { HasTextString = "2024-13-45" });
        await Assertions.Expect(issue).ToHaveCountAsync(1);
        await Assertions.Expect(issue.Locator("[data-cell=line]")).ToHaveTextAsync("4");
        await Assertions.Expect(issue.Locator("[data-cell=column]")).ToHaveTextAsync("3 (date)");

        var row = page.Locator("[data-testid=imports] tbody tr", new() { HasTextString = fileName });
        await Assertions.Expect(row.Locator("[data-cell=status]")).ToHaveTextAsync("rejected");

        var after = await StoreInfoAsync();
        Assert.Equal(before.SalesRows, after.SalesRows);
        Assert.Equal(before.FirstSalesDate, after.FirstSalesDate);
        Assert.Equal(before.LastSalesDate, after.LastSalesDate);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/nexgen-upload-rejected.png", FullPage = true });
    }
}
