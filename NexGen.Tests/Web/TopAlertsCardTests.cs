using System.Globalization;
using Microsoft.Playwright;
using NexGen.Core.Forecasting;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Tests.Web;

/// <summary>
/// The home page's "Top alerts" card in a real browser on the <see cref="WebSamples"/> (inventory of 25 units per
/// series on 2024-03-08, no lead times in the products table).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TopAlertsCardTests(BrowserFixture browser)
{
    [Fact]
    public async Task WithoutAReplenishmentRunTheCardSaysWhatToDoAndCheckingWithoutAForecastSaysToMakeOne()
    {
        await using var app = NexGenWebApp.Start();
        var page = await browser.OpenLiveAsync(app.BaseUrl);
        try
        {
            var card = page.Locator("[data-testid=top-alerts]");
            await Assertions.Expect(card.Locator("[data-testid=no-alerts]")).ToContainTextAsync("No replenishment run yet");
            await Assertions.Expect(card.Locator("[data-testid=no-alerts] code")).ToHaveTextAsync("dotnet run --project NexGen.Cli -- replenish");

            await card.Locator("[data-testid=check-stock]").ClickAsync();

            await Assertions.Expect(card.Locator("[data-testid=alerts-error]")).ToContainTextAsync("There is no forecast yet");
            await Assertions.Expect(card.Locator("[data-testid=alerts-table]")).ToHaveCountAsync(0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task CheckStockShowsTheRunsTopAlertsBySeverityAndValueAtRisk()
    {
        await using var app = NexGenWebApp.Start();
        var forecast = await app.GetRequiredService<ForecastService>().RunAsync(
            new ForecastRunRequest(4, null, Model: new GlobalModelOptions { Trees = 20, MaxTrainingRows = 20_000 }, CalibrationWindows: 1));
        Assert.True(forecast.Status == "succeeded", $"the forecast on the web samples succeeds (it {forecast.Status}: {forecast.Error})");
        var page = await browser.OpenLiveAsync(app.BaseUrl);
        try
        {
            var card = page.Locator("[data-testid=top-alerts]");
            await Assertions.Expect(card.Locator("[data-testid=no-alerts]")).ToContainTextAsync("No replenishment run yet");

            await card.Locator("[data-testid=check-stock]").ClickAsync();

            var replenishments = app.GetRequiredService<ReplenishmentStore>();
            await Assertions.Expect(card.Locator("[data-testid=alerts-table]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var run = (await replenishments.LatestRunAsync())!;
            var expected = await replenishments.AlertsAsync(run.Id, 10);
            Assert.NotEmpty(expected);
            await Assertions.Expect(card).ToHaveAttributeAsync("data-run-id", run.Id.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(card.Locator("[data-testid=alerts-source]")).ToContainTextAsync($"as of 2024-03-08: {run.Alerts} alerts");
            var rows = card.Locator("[data-testid=alerts-table] tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(expected.Count);
            var top = rows.First;
            await Assertions.Expect(top.Locator("[data-cell=severity]")).ToHaveTextAsync(ReplenishmentStore.SeverityName(expected[0].Severity));
            await Assertions.Expect(top.Locator("[data-cell=location]")).ToHaveTextAsync(expected[0].Location);
            await Assertions.Expect(top.Locator("[data-cell=sku]")).ToHaveTextAsync(expected[0].Sku);
            await Assertions.Expect(top.Locator("[data-cell=message]")).ToHaveTextAsync(expected[0].Message);
            await Assertions.Expect(top.Locator("[data-cell=value]")).ToHaveTextAsync(expected[0].ValueAtRisk.ToString("N2", CultureInfo.InvariantCulture));
            // Rows follow severity, then value at risk, highest first.
            var severities = await rows.Locator("[data-cell=severity]").AllTextContentsAsync();
            var values = await rows.Locator("[data-cell=value]").AllTextContentsAsync();
            var ranked = severities.Zip(values, (severity, value) => (Severity: Enum.Parse<AlertSeverity>(severity, ignoreCase: true),
                Value: double.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(ranked.OrderBy(r => r.Severity).ThenByDescending(r => r.Value), ranked);
            Assert.True(ranked.Count > 1, "the web samples raise several alerts, so their order is checked");

            await card.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/nexgen-top-alerts.png" });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
