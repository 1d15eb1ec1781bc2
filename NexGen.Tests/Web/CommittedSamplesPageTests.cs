using Microsoft.Playwright;
using NexGen.Core;

namespace NexGen.Tests.Web;

/// <summary>What a newcomer sees: the app on an empty store loads the committed <c>samples/</c>, and the overview and the Data page show them.</summary>
[Collection(WebCollection.Name)]
public sealed class CommittedSamplesPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task FirstStartLoadsTheCommittedSamplesAndTheOverviewAndTheDataPageShowThem()
    {
        await using var app = NexGenWebApp.Start(new Dictionary<string, string?>
        {
            ["NexGen:SamplesPath"] = Path.Combine(NexGenPaths.BaseDirectory, "samples"),
        });
        var page = await browser.OpenLiveAsync(app.BaseUrl);
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=overview]")).ToHaveAttributeAsync("data-state", "loaded");
            await Assertions.Expect(page.Locator("[data-testid=overview-scope]")).ToContainTextAsync("All locations · sales up to");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/nexgen-home-samples.png" });

            await page.Locator("[data-nav=data]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=data-page]")).ToHaveAttributeAsync("data-render", "live");
            await Assertions.Expect(page.Locator("[data-kpi=sales-rows] .kpi-value")).ToHaveTextAsync("438,000");
            await Assertions.Expect(page.Locator("[data-kpi=grain] .kpi-value")).ToHaveTextAsync("daily");
            await Assertions.Expect(page.Locator("[data-kpi=date-range] .kpi-value")).ToHaveTextAsync("2024-11-25");
            await Assertions.Expect(page.Locator("[data-kpi=locations] .kpi-value")).ToHaveTextAsync("3");
            await Assertions.Expect(page.Locator("[data-kpi=skus] .kpi-value")).ToHaveTextAsync("200");
            await Assertions.Expect(page.Locator("[data-testid=imports] [data-cell=file]", new() { HasTextString = "sales.csv.gz" })).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/nexgen-data-samples.png" });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
