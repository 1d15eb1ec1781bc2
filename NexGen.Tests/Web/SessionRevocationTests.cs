using System.Net;
using Microsoft.Playwright;
using NexGen.Core.Security;
using NexGen.Tests.Cli;
using NexGen.Tests.Web.Api;

namespace NexGen.Tests.Web;

/// <summary>
/// Sessions end when their user changes: a new role or password, or <c>nexgen users disable NAME</c> from another
/// process, refuses the user's cookie and signs out their open page within <c>Security:SessionCheckSeconds</c> (1 s
/// here, 30 s by default); a disabled user cannot sign in.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SessionRevocationTests(BrowserFixture browser)
{
    static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    static Task<SecuredApp> StartAsync() => SecuredApp.StartAsync(new Dictionary<string, string?>
    {
        ["Security:SessionCheckSeconds"] = "1",
        ["NexGen:LoadSamplesOnFirstStart"] = "false",
    });

    static async Task<string> CookieOfAsync(HttpClient client, string user)
    {
        var signedIn = await ApiAuthenticationTests.SignInAsync(client, user, SecuredApp.UserPassword);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nexgen.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    static async Task<HttpResponseMessage> HomeAsync(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task ARoleChangeOrADisableFromTheCliEndsTheUsersCookiesAndADisabledUserCannotSignIn()
    {
        await using var secured = await StartAsync();
        var app = secured.App;
        using var client = secured.Client(null);
        var users = app.GetRequiredService<UserStore>();

        var planner = await CookieOfAsync(client, SecuredApp.UserName);
        Assert.Equal(HttpStatusCode.OK, (await HomeAsync(client, planner)).StatusCode);

        // The admin makes pat a viewer: the planner's cookie stops working, a new sign-in works with the new role.
        var hash = (await users.FindAsync(SecuredApp.UserName))!.PasswordHash;
        await users.SaveAsync(SecuredApp.UserName, Roles.Viewer, hash);
        await Poll.UntilAsync(async () => (await HomeAsync(client, planner)).StatusCode == HttpStatusCode.Redirect, Within,
            "the cookie made before the role change is refused");
        var refused = await HomeAsync(client, planner);
        Assert.StartsWith("/login", refused.Headers.Location!.PathAndQuery);
        var viewer = await CookieOfAsync(client, SecuredApp.UserName);
        var asViewer = await HomeAsync(client, viewer);
        Assert.Equal(HttpStatusCode.OK, asViewer.StatusCode);
        Assert.DoesNotContain("data-testid=\"run-forecast\"", await asViewer.Content.ReadAsStringAsync());

        // Disabled from the CLI, while the app runs: the cookie is refused and signing in fails like a wrong password.
        var disable = await CliProcess.RunAsync("users", "disable", SecuredApp.UserName, "--store", app.StorePath);
        Assert.True(disable.ExitCode == 0, disable.Error);
        await Poll.UntilAsync(async () => (await HomeAsync(client, viewer)).StatusCode == HttpStatusCode.Redirect, Within,
            "the disabled user's cookie is refused");
        var again = await ApiAuthenticationTests.SignInAsync(client, SecuredApp.UserName, SecuredApp.UserPassword);
        Assert.Equal("/login?failed=1", again.Headers.Location!.OriginalString);
        var log = app.GetRequiredService<AuditLog>();
        await Poll.UntilAsync(async () => (await log.RecentAsync(20)).Any(e => e is { Action: "login.failed", Details: "disabled" }), Within,
            "the refused sign-in of a disabled user is audited as such");

        // Another user's session is untouched.
        Assert.Equal(HttpStatusCode.OK, (await HomeAsync(client, await CookieOfAsync(client, SecuredApp.ViewerName))).StatusCode);
    }

    [Fact]
    public async Task AnOpenPageOfADisabledUserIsSignedOut()
    {
        await using var secured = await StartAsync();
        var app = secured.App;
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(app.BaseUrl + "/login");
            await page.Locator("input[name=name]").FillAsync(SecuredApp.ViewerName);
            await page.Locator("input[name=password]").FillAsync(SecuredApp.UserPassword);
            await page.Locator("[data-testid=login-form] button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=home]")).ToHaveAttributeAsync("data-render", "live");

            Assert.True(await app.GetRequiredService<UserStore>().SetDisabledAsync(SecuredApp.ViewerName, disabled: true));

            // The circuit stays open, but its user is signed out: the page gives way to the sign-in link.
            await Assertions.Expect(page.Locator("[data-testid=not-authorized]")).ToContainTextAsync("You are signed out", new() { Timeout = (float)Within.TotalMilliseconds });
            await Assertions.Expect(page.Locator("[data-testid=home]")).ToHaveCountAsync(0);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
