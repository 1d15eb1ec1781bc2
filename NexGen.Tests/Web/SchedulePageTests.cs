using Microsoft.Playwright;
using NexGen.Core.Store;

namespace NexGen.Tests.Web;

/// <summary>The schedule page in a real browser: triggers with their next fire, pause / resume, predict now.</summary>
[Collection(WebCollection.Name)]
public sealed class SchedulePageTests(BrowserFixture browser)
{
    public const string ScreenshotPath = "/tmp/nexgen-schedule.png";

    [Fact]
    public async Task APlannerSeesTheTriggersPausesOneAndRunsAPredictNow()
    {
        await using var app = NexGenWebApp.Start(new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = "true",
            ["Scheduling:RetrainCron"] = "0 0 3 ? * MON",
            ["Scheduling:PredictCron"] = "0 0 5 * * ?",
            ["Scheduling:Horizon"] = "4",
        });
        var page = await browser.OpenLiveAsync(app.BaseUrl);
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Schedule" }).ClickAsync();
            var triggers = page.Locator("[data-testid=triggers]");
            await Assertions.Expect(triggers).ToContainTextAsync("0 0 5 * * ?");
            await Assertions.Expect(triggers).ToContainTextAsync("0 0 3 ? * MON");
            await Assertions.Expect(page.Locator("[data-testid=next-predict]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d\d-\d\d 05:00:00$"));
            await Assertions.Expect(page.Locator("[data-testid=no-refreshes]")).ToBeVisibleAsync();

            await page.Locator("[data-testid=toggle-retrain]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=toggle-retrain]")).ToHaveTextAsync("Resume");
            await Assertions.Expect(page.Locator("[data-testid=next-retrain]")).ToHaveTextAsync("-");

            await page.Locator("[data-testid=trigger-predict]").ClickAsync();
            var refreshes = page.Locator("[data-testid=refreshes]");
            await Assertions.Expect(refreshes).ToContainTextAsync("succeeded", new() { Timeout = 60_000 });
            await Assertions.Expect(refreshes).ToContainTextAsync("manual");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });

            var runs = await app.GetRequiredService<RunStore>().RecentAsync(10);
            Assert.Equal("succeeded", runs.Single(r => r.Kind == "refresh").Status);
            Assert.Equal("manual", runs.Single(r => r.Kind == "forecast").Trigger);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
