using System.Net;
using Microsoft.Playwright;
using NexGen.Core.Forecasting;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;
using NexGen.Tests.Web.Api;

namespace NexGen.Tests.Web;

/// <summary>
/// The dashboard with authentication on, signed in through the login form: a viewer reads every page but finds no
/// control that changes data (upload, run, check stock, approve, export, promote, pause), and downloads what exists;
/// a planner finds those controls. The API refuses the same actions to a viewer (see ApiAuthenticationTests).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RolePagesTests(BrowserFixture browser)
{
    /// <summary>Signs in as <paramref name="user"/> in a fresh 1366x768 context and waits for the live home page.</summary>
    async Task<IPage> SignInAsync(string baseUrl, string user)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/login");
        await page.Locator("input[name=name]").FillAsync(user);
        await page.Locator("input[name=password]").FillAsync(SecuredApp.UserPassword);
        await page.Locator("[data-testid=login-form] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=home]")).ToHaveAttributeAsync("data-render", "live");
        return page;
    }

    static async Task GoAsync(IPage page, string nav, string pageTestId)
    {
        await page.Locator($"[data-nav={nav}]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid={pageTestId}]")).ToHaveAttributeAsync("data-render", "live");
    }

    [Fact]
    public async Task AViewerReadsEveryPageWithoutControlsThatChangeDataAndAPlannerHasThem()
    {
        await using var secured = await SecuredApp.StartAsync();
        var app = secured.App;
        var forecast = await app.GetRequiredService<ForecastService>().RunAsync(LatestRunCardTests.SmallRequest());
        Assert.True(forecast.Status == "succeeded", $"the forecast on the web samples succeeds (it {forecast.Status}: {forecast.Error})");
        var (stockRun, _) = await app.GetRequiredService<ReplenishmentService>().RunAsync();
        var replenishments = app.GetRequiredService<ReplenishmentStore>();
        var order = (await replenishments.SuggestionsAsync(stockRun.Id, new SuggestionQuery())).Rows.First(s => s.LineId is not null);
        await replenishments.ApproveLinesAsync(stockRun.Id, [new LineApproval(order.LineId!.Value, order.OrderQuantity!.Value)]);
        var export = (await replenishments.ExportApprovedAsync(stockRun.Id, "csv", PurchaseOrderFilter.All))!;

        var viewer = await SignInAsync(app.BaseUrl, SecuredApp.ViewerName);
        try
        {
            await Assertions.Expect(viewer.Locator("[data-testid=latest-run]")).ToHaveAttributeAsync("data-status", "succeeded");
            await Assertions.Expect(viewer.Locator("[data-testid=run-forecast]")).ToHaveCountAsync(0);
            await Assertions.Expect(viewer.Locator("[data-testid=top-alerts] [data-testid=check-stock]")).ToHaveCountAsync(0);

            await GoAsync(viewer, "data", "data-page");
            await Assertions.Expect(viewer.Locator("[data-testid=read-only]")).ToContainTextAsync("Uploading needs the planner role");
            await Assertions.Expect(viewer.Locator("input[type=file]")).ToHaveCountAsync(0);
            await Assertions.Expect(viewer.Locator("[data-kind=sales] [data-count]")).Not.ToHaveAttributeAsync("data-count", "0");

            await GoAsync(viewer, "runs", "runs-page");
            await Assertions.Expect(viewer.Locator($"[data-testid=run-history] tr[data-run-id='{forecast.Id}']")).ToHaveAttributeAsync("data-status", "succeeded");
            await Assertions.Expect(viewer.Locator("[data-testid=read-only]")).ToContainTextAsync("Running a forecast needs the planner role");
            await Assertions.Expect(viewer.Locator("[data-testid=run-forecast]")).ToHaveCountAsync(0);
            await Assertions.Expect(viewer.Locator("[data-testid=rollback]")).ToHaveCountAsync(0);
            // A viewer downloads the run's forecasts all the same.
            var csv = await viewer.RunAndWaitForDownloadAsync(() =>
                viewer.Locator($"[data-testid=run-history] tr[data-run-id='{forecast.Id}'] [data-download=csv]").ClickAsync());
            Assert.Equal($"nexgen-forecast-run-{forecast.Id}.csv", csv.SuggestedFilename);
            await viewer.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("viewer-runs"), FullPage = true });

            await GoAsync(viewer, "replenishment", "replenishment");
            await Assertions.Expect(viewer.Locator("[data-testid=replenishment]")).ToHaveAttributeAsync("data-state", "loaded");
            await Assertions.Expect(viewer.Locator("[data-testid=read-only]").First).ToContainTextAsync("Checking stock, approving and exporting orders need the planner role");
            await Assertions.Expect(viewer.Locator("[data-testid=suggestions-table] tbody tr:has([data-cell=sku])")).Not.ToHaveCountAsync(0);
            foreach (var control in new[] { "check-stock", "approve-selected", "export-csv", "export-parquet", "select-page", "order-qty" })
                await Assertions.Expect(viewer.Locator($"[data-testid={control}]")).ToHaveCountAsync(0);
            await Assertions.Expect(viewer.Locator($"[data-testid=order-qty-text][data-line='{order.LineId}']")).ToHaveTextAsync(order.OrderQuantity.Value.ToString("#,0"));
            // The earlier export downloads from its link, byte for byte the file on the server.
            var again = await viewer.RunAndWaitForDownloadAsync(() =>
                viewer.Locator($"[data-testid=exports] tr[data-file='{export.FileName}'] [data-testid=download-again]").ClickAsync());
            var saved = Path.Combine(app.Folder, "viewer-" + again.SuggestedFilename);
            await again.SaveAsAsync(saved);
            Assert.Equal(export.FileName, again.SuggestedFilename);
            Assert.Equal(await File.ReadAllBytesAsync(export.Path), await File.ReadAllBytesAsync(saved));
            await viewer.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("viewer-replenishment"), FullPage = true });

            await viewer.Locator("[data-nav=schedule]").ClickAsync();
            await Assertions.Expect(viewer.Locator("[data-testid=read-only]")).ToContainTextAsync("Starting or pausing a refresh needs the planner role");
            await Assertions.Expect(viewer.Locator("[data-testid=trigger-predict]")).ToHaveCountAsync(0);
        }
        finally
        {
            await viewer.Context.CloseAsync();
        }

        var planner = await SignInAsync(app.BaseUrl, SecuredApp.UserName);
        try
        {
            await Assertions.Expect(planner.Locator("[data-testid=run-forecast]")).ToBeEnabledAsync();
            await GoAsync(planner, "data", "data-page");
            await Assertions.Expect(planner.Locator("input[type=file]")).ToHaveCountAsync(1);
            await Assertions.Expect(planner.Locator("[data-testid=read-only]")).ToHaveCountAsync(0);
            await GoAsync(planner, "replenishment", "replenishment");
            await Assertions.Expect(planner.Locator("[data-testid=replenishment]")).ToHaveAttributeAsync("data-state", "loaded");
            await Assertions.Expect(planner.Locator("[data-testid=check-stock]")).ToBeEnabledAsync();
            await Assertions.Expect(planner.Locator($"input[data-testid=order-qty]")).Not.ToHaveCountAsync(0);
        }
        finally
        {
            await planner.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("no-such-export.csv")]
    [InlineData("..%2F..%2Fstore.duckdb")]
    [InlineData("store.duckdb")]
    public async Task APurchaseOrderDownloadServesRecordedExportsOnly(string name)
    {
        await using var app = NexGenWebApp.Start();
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var response = await client.GetAsync("/downloads/purchase-orders/" + name);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No purchase-order export was written to a file named", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnExportWrittenOutsideTheExportsFolderIsNotServed()
    {
        await using var app = NexGenWebApp.Start();
        var forecast = await app.GetRequiredService<ForecastService>().RunAsync(LatestRunCardTests.SmallRequest());
        Assert.Equal("succeeded", forecast.Status);
        var (stockRun, _) = await app.GetRequiredService<ReplenishmentService>().RunAsync();
        var replenishments = app.GetRequiredService<ReplenishmentStore>();
        var order = (await replenishments.SuggestionsAsync(stockRun.Id, new SuggestionQuery())).Rows.First(s => s.LineId is not null);
        await replenishments.ApproveLinesAsync(stockRun.Id, [new LineApproval(order.LineId!.Value, order.OrderQuantity!.Value)]);
        // As `nexgen po export --out` records it: anywhere the CLI user chose.
        var elsewhere = Path.Combine(app.Folder, "elsewhere.csv");
        Assert.Equal(1, await replenishments.ExportPurchaseOrdersAsync(stockRun.Id, elsewhere, "csv", PurchaseOrderFilter.All));
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        var response = await client.GetAsync("/downloads/purchase-orders/elsewhere.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("outside the exports folder", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(elsewhere));
    }
}
