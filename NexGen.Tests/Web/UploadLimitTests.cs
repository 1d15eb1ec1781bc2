using Microsoft.Playwright;
using NexGen.Core.Store;

namespace NexGen.Tests.Web;

/// <summary>An app whose upload limit is tiny: a larger file is refused with the limit named, and nothing is read.</summary>
[Collection(WebCollection.Name)]
public sealed class UploadLimitTests(BrowserFixture browser) : IAsyncLifetime
{
    NexGenWebApp? _app;

    public Task InitializeAsync()
    {
        _app = NexGenWebApp.Start(new Dictionary<string, string?>
        {
            ["NexGen:MaxUploadBytes"] = "200",
            ["NexGen:LoadSamplesOnFirstStart"] = "false",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    [Fact]
    public async Task FileOverTheUploadLimitIsRefusedWithAMessageNamingTheLimit()
    {
        var app = _app!;
        var path = Path.Combine(app.Folder, "too-big.csv");
        await File.WriteAllTextAsync(path, WebSamples.WeeklySales("store-big", weeks: 10, skus: ["A1", "A2"]));
        Assert.True(new FileInfo(path).Length > 200);

        var page = await browser.OpenLiveAsync(app.BaseUrl + "/data", "data-page");
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=empty-store]")).ToContainTextAsync("Upload sales to start");
            await BrowserFixture.ChooseFileAsync(page, path);

            var snackbar = page.Locator(".mud-snackbar", new() { HasTextString = "too-big.csv" });
            await Assertions.Expect(snackbar).ToContainTextAsync("200 bytes");
            await Assertions.Expect(snackbar).ToContainTextAsync("MaxUploadBytes");

            var info = await app.GetRequiredService<StoreInfoReader>().ReadAsync();
            Assert.Equal(0, info.SalesRows);
            Assert.Empty(info.RecentImports);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
