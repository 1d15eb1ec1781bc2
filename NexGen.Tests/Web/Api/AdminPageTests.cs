using System.Net;
using Microsoft.Playwright;
using NexGen.Core.Security;

namespace NexGen.Tests.Web.Api;

/// <summary>The admin page in a real browser (the loopback admin, authentication off): a key is created, shown once, works, and is revoked.</summary>
[Collection(WebCollection.Name)]
public sealed class AdminPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task AdminCreatesAKeyThatWorksOnceShownThenRevokesIt()
    {
        await using var app = NexGenWebApp.Start(new Dictionary<string, string?> { ["NexGen:LoadSamplesOnFirstStart"] = "false" });
        var page = await browser.OpenLiveAsync(app.BaseUrl);
        try
        {
            await page.Locator("[data-testid=nav-admin]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=admin]")).ToHaveAttributeAsync("data-render", "live");
            await page.Locator("input[data-testid=key-name], [data-testid=key-name] input").First.FillAsync("nightly import");
            await page.Locator("[data-testid=create-key]").ClickAsync();

            var created = page.Locator("[data-testid=created-key]");
            await Assertions.Expect(created).ToContainTextAsync("shown only once");
            var key = await created.Locator("code").InnerTextAsync();
            Assert.StartsWith("ngk_", key);
            var record = Assert.Single(await app.GetRequiredService<ApiKeyStore>().ListAsync());
            Assert.Equal(("nightly import", Roles.Planner, (DateTime?)null), (record.Name, record.Role, record.Revoked));
            Assert.Equal(record, await app.GetRequiredService<ApiKeyStore>().FindValidAsync(key));
            await Assertions.Expect(page.Locator($"[data-key='{record.Id}']")).ToContainTextAsync(record.Prefix);

            await page.Locator($"[data-key='{record.Id}'] [data-testid=revoke]").ClickAsync();
            await Assertions.Expect(page.Locator($"[data-key='{record.Id}'] [data-testid=revoke]")).ToHaveCountAsync(0);
            Assert.Null(await app.GetRequiredService<ApiKeyStore>().FindValidAsync(key));
            var audit = await app.GetRequiredService<AuditLog>().RecentAsync(10);
            Assert.Equal(["key.revoke", "key.create"], audit.Select(e => e.Action).Take(2).ToArray());
            Assert.All(audit.Take(2), e => Assert.Equal("local", e.Actor));
            await Assertions.Expect(page.Locator("[data-testid=audit]")).ToContainTextAsync("key.revoke");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }
}
