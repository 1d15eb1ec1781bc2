using NexGen.Web.Security;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using NexGen.Core.Security;

namespace NexGen.Tests.Web.Api;

/// <summary>Who may call what: API keys by role, cookie sign-in for pages, anonymous health and OpenAPI.</summary>
[Collection(WebCollection.Name)]
public sealed partial class ApiAuthenticationTests(SecuredAppFixture fixture) : IClassFixture<SecuredAppFixture>
{
    SecuredApp App => fixture.App;

    static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task NoKeyOrAnUnknownKeyGets401WithProblemDetails()
    {
        using var none = App.Client(null);
        using var wrong = App.Client("ngk_not-a-real-key");

        await Problems.AssertProblemAsync(await none.GetAsync("/api/v1/imports"), HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(await wrong.GetAsync("/api/v1/runs"), HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(await none.PostAsync("/api/v1/imports/sales", Csv("location,sku,date,quantity\n")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ViewerReadsButGets403ForUploadRunPromoteAndCancel()
    {
        using var viewer = App.Client(App.ViewerKey);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/imports")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/models")).StatusCode);
        await Problems.AssertProblemAsync(await viewer.PostAsync("/api/v1/imports/sales", Csv("location,sku,date,quantity\nS,A,2024-01-05,1\n")), HttpStatusCode.Forbidden);
        await Problems.AssertProblemAsync(await viewer.PostAsync("/api/v1/runs", JsonBody("{\"kind\":\"forecast\",\"horizon\":4}")), HttpStatusCode.Forbidden);
        await Problems.AssertProblemAsync(await viewer.PostAsync("/api/v1/models/1/promote", null), HttpStatusCode.Forbidden);
        await Problems.AssertProblemAsync(await viewer.DeleteAsync("/api/v1/runs/1"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BearerKeyWorksLikeTheHeaderAndARevokedKeyStopsWorking()
    {
        var created = await App.App.GetRequiredService<ApiKeyStore>().CreateAsync("short-lived", Roles.Viewer);
        using var bearer = App.Client(null);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Key);

        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/runs")).StatusCode);
        await App.App.GetRequiredService<ApiKeyStore>().RevokeAsync(created.Record.Id);
        await Problems.AssertProblemAsync(await bearer.GetAsync("/api/v1/runs"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task HealthAndOpenApiAreAnonymousAndTheDocsPageNeedsNoNetwork()
    {
        using var none = App.Client(null);

        var live = await Problems.JsonAsync(await none.GetAsync("/health"), HttpStatusCode.OK);
        Assert.Equal("live", live.GetProperty("status").GetString());
        var ready = await Problems.JsonAsync(await none.GetAsync("/health/ready"), HttpStatusCode.OK);
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal("ok", ready.GetProperty("checks").GetProperty("store").GetString());
        Assert.Equal("running", ready.GetProperty("checks").GetProperty("scheduler").GetString());

        var openApi = await Problems.JsonAsync(await none.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "/api/v1/imports/{kind}", "/api/v1/imports", "/api/v1/imports/{id}",
            "/api/v1/runs", "/api/v1/runs/{id}", "/api/v1/forecasts", "/api/v1/models", "/api/v1/models/{id}/promote",
        }, paths);

        var docs = await none.GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var html = await docs.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"api-docs.js\">", html);
        Assert.DoesNotMatch(ExternalUrl(), html);
        var script = await none.GetStringAsync("/api-docs/api-docs.js");
        Assert.Contains("fetch(\"/openapi/v1.json\")", script);
        Assert.DoesNotMatch(ExternalUrl(), script);
    }

    [Fact]
    public async Task PagesRedirectToLoginAndACookieSignInOpensThemButNotTheApi()
    {
        using var client = App.Client(null);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/login", home.Headers.Location!.PathAndQuery);

        var wrong = await SignInAsync(client, SecuredApp.UserName, "wrong password");
        Assert.Equal("/login?failed=1", wrong.Headers.Location!.OriginalString);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));

        var signedIn = await SignInAsync(client, SecuredApp.UserName, SecuredApp.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nexgen.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Add("Cookie", cookie.Split(';')[0]);
        var opened = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("user:pat", await opened.Content.ReadAsStringAsync());

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/runs");
        api.Headers.Add("Cookie", cookie.Split(';')[0]);
        await Problems.AssertProblemAsync(await client.SendAsync(api), HttpStatusCode.Unauthorized);

        // Sign-ins are audited off the request path, moments later.
        var log = App.App.GetRequiredService<AuditLog>();
        await Poll.UntilAsync(async () => (await log.RecentAsync(50)) is var audit
            && audit.Any(e => e is { Actor: "user:pat", Action: "login" }) && audit.Any(e => e is { Actor: "user:pat", Action: "login.failed" }),
            TimeSpan.FromSeconds(10), "the sign-in and the failed sign-in are in the audit log");
    }

    [Theory]
    [InlineData(SecuredApp.UserName, true)]
    [InlineData(SecuredApp.ViewerName, false)]
    public async Task HomePageOffersRunAndStockCheckToPlannersOnly(string user, bool planner)
    {
        using var client = App.Client(null);
        var signedIn = await SignInAsync(client, user, SecuredApp.UserPassword);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nexgen.auth=", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);

        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains($"user:{user}", html);
        Assert.Contains("data-testid=\"latest-run\"", html);
        Assert.Contains("data-testid=\"top-alerts\"", html);
        Assert.Equal(planner, html.Contains("data-testid=\"check-stock\"", StringComparison.Ordinal));
        Assert.Equal(planner, html.Contains("data-testid=\"run-forecast\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoginWithoutTheAntiforgeryTokenIsRefused()
    {
        using var client = App.Client(null);
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = SecuredApp.UserName,
            ["password"] = SecuredApp.UserPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task EveryResponseCarriesTheSecurityHeaders()
    {
        using var client = App.Client(null);
        foreach (var path in new[] { "/login", "/health", "/api/v1/runs" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Matches("script-src 'self' 'nonce-[0-9A-F]{32}';", csp);
        }
    }

    [Fact]
    public async Task TheImportMapCarriesTheNonceOfItsOwnResponseOnly()
    {
        using var client = App.Client(null);
        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var response = await client.GetAsync("/login");
            var nonce = System.Text.RegularExpressions.Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
            var html = await response.Content.ReadAsStringAsync();
            Assert.Matches($"<script[^>]*type=\"importmap\"[^>]*nonce=\"{System.Text.RegularExpressions.Regex.Escape(nonce)}\"|<script[^>]*nonce=\"{System.Text.RegularExpressions.Regex.Escape(nonce)}\"[^>]*type=\"importmap\"", html);
            nonces.Add(nonce);
        }
        Assert.NotEqual(nonces[0], nonces[1]);
    }

    [Fact]
    public async Task RepeatedFailedSignInsLockTheClientOutWithRetryAfter()
    {
        await using var own = await SecuredApp.StartAsync(new Dictionary<string, string?> { ["NexGen:LoadSamplesOnFirstStart"] = "false" });
        using var client = own.Client(null);

        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
        {
            var failed = await SignInAsync(client, "mallory", $"guess {i}");
            Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
            Assert.Equal("/login?failed=1", failed.Headers.Location!.OriginalString);
        }
        // Locked now, even with the right password of another name from the same address.
        var locked = await SignInAsync(client, SecuredApp.UserName, SecuredApp.UserPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 2);
        Assert.False(locked.Headers.Contains("Set-Cookie") && locked.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("nexgen.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheLockoutGrowsWithEachFailureAndASuccessClearsIt()
    {
        var clock = new ManualClock();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.FreeFailures - 1; i++)
            throttle.Failed("pat", "10.0.0.1");
        Assert.Equal(TimeSpan.Zero, throttle.Wait("pat", "10.0.0.1"));

        throttle.Failed("pat", "10.0.0.1");
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.Wait("pat", "10.0.0.9"));
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.Wait("someone", "10.0.0.1"));
        throttle.Failed("pat", "10.0.0.1");
        Assert.Equal(TimeSpan.FromSeconds(4), throttle.Wait("pat", "10.0.0.1"));
        for (var i = 0; i < 20; i++)
            throttle.Failed("pat", "10.0.0.1");
        Assert.Equal(SignInThrottle.MaxLockout, throttle.Wait("PAT", "10.0.0.1"));

        clock.Advance(SignInThrottle.MaxLockout);
        Assert.Equal(TimeSpan.Zero, throttle.Wait("pat", "10.0.0.1"));
        throttle.Succeeded("pat", "10.0.0.1");
        throttle.Failed("pat", "10.0.0.1");
        Assert.Equal(TimeSpan.Zero, throttle.Wait("pat", "10.0.0.1"));
    }

    [Fact]
    public void KeysIdleLongerThanTheLongestLockoutAreForgottenOnceTheTableIsFull()
    {
        var clock = new ManualClock();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.MaxTracked; i++)
            throttle.Failed($"made-up-{i}", "10.0.0.1");
        Assert.Equal(SignInThrottle.MaxTracked + 1, throttle.Tracked);

        clock.Advance(SignInThrottle.MaxLockout * 3);
        throttle.Failed("pat", "10.0.0.2");

        Assert.Equal(2, throttle.Tracked);
    }

    sealed class ManualClock : TimeProvider
    {
        DateTimeOffset _now = new(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }

    /// <summary>Posts the login form the way a browser does: with the antiforgery token and cookie of the login page.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password)
    {
        var login = await client.GetAsync("/login");
        var html = await login.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["name"] = name,
                ["password"] = password,
                ["returnUrl"] = "",
            }),
        };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("(src|href)=\"https?://|fetch\\(\"https?://")]
    private static partial Regex ExternalUrl();
}
