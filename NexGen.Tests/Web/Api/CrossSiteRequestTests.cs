using System.Net;
using System.Text;
using Dapper;
using NexGen.Core.Store;
using NexGen.Web.Security;

namespace NexGen.Tests.Web.Api;

/// <summary>
/// With authentication off (loopback), a page on another site must not reach the store: the cross-site `no-cors`
/// request that overwrote a product, the DNS-rebinding Host, a form POST and a request through a proxy are refused and
/// the store keeps its rows; scripts that say who they are (and same-origin pages) still write.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CrossSiteRequestTests
{
    const string Products = "sku,name,category\nSKU00001,Cola,Beverages\n";
    const string Hacked = "sku,name,category\nSKU00001,HACKED NAME,Beverages\n";

    [Fact]
    public async Task CrossSiteAndForeignHostRequestsAreRefusedAndTheStoreKeepsItsRows()
    {
        await using var app = NexGenWebApp.Start(new Dictionary<string, string?> { ["NexGen:LoadSamplesOnFirstStart"] = "false" });
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var own = new Uri(app.BaseUrl).Authority;
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Import(Products, (RequestOriginGuard.ClientHeader, "tests")))).StatusCode);
        var before = Snapshot(app);

        // The request of the issue, as a browser's cross-site fetch(..., {mode: 'no-cors'}) sends it after DNS rebinding.
        await AssertRefusedAsync(client, HttpStatusCode.BadRequest, Import(Hacked,
            ("Host", "attacker.example:5080"), ("Origin", "http://attacker.example"), ("Sec-Fetch-Site", "cross-site")), "attacker.example");
        // Reading under a foreign name is refused too.
        await AssertRefusedAsync(client, HttpStatusCode.BadRequest, Request(HttpMethod.Get, "/api/v1/forecasts", null, ("Host", "attacker.example")), "not served");
        // The same page without rebinding: the Host is ours, the request is cross-site.
        await AssertRefusedAsync(client, HttpStatusCode.Forbidden, Import(Hacked, ("Origin", "http://attacker.example"), ("Sec-Fetch-Site", "cross-site")), "another site");
        // A cross-site form POST, and one from a browser too old to send Sec-Fetch-Site.
        await AssertRefusedAsync(client, HttpStatusCode.Forbidden, Request(HttpMethod.Post, "/api/v1/runs",
            new StringContent("kind=forecast&horizon=7", Encoding.UTF8, "application/x-www-form-urlencoded"), ("Origin", "http://attacker.example"), ("Sec-Fetch-Site", "cross-site")), "another site");
        await AssertRefusedAsync(client, HttpStatusCode.Forbidden, Import(Hacked, ("Origin", "http://attacker.example")), "another site");
        // No browser marker and no client header: a no-cors request stripped of what it cannot hide.
        await AssertRefusedAsync(client, HttpStatusCode.Forbidden, Import(Hacked), RequestOriginGuard.ClientHeader);
        // Through a proxy (an ssh tunnel or a reverse proxy turns every caller into the local admin).
        await AssertRefusedAsync(client, HttpStatusCode.Forbidden, Import(Hacked, (RequestOriginGuard.ClientHeader, "tests"), ("X-Forwarded-For", "203.0.113.9")), "proxy");
        await AssertRefusedAsync(client, HttpStatusCode.Forbidden, Request(HttpMethod.Get, "/api/v1/forecasts", null, ("Via", "1.1 proxy")), "proxy");

        Assert.Equal(before, Snapshot(app));

        // A page of the app itself (same origin, old or new browser) and a script that names itself still write.
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Import(Products, ("Sec-Fetch-Site", "same-origin")))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Import(Products, ("Origin", $"http://{own}")))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Import(Products, ("Host", $"localhost:{new Uri(app.BaseUrl).Port}"), (RequestOriginGuard.ClientHeader, "curl")))).StatusCode);
        using var connection = app.GetRequiredService<DuckDbStore>().Open();
        Assert.Equal("Cola", connection.ExecuteScalar<string>("SELECT name FROM products WHERE sku = 'SKU00001'"));
    }

    [Fact]
    public async Task AllowedHostsAreServedWithAuthenticationOff()
    {
        await using var app = NexGenWebApp.Start(new Dictionary<string, string?>
        {
            ["NexGen:LoadSamplesOnFirstStart"] = "false",
            ["Security:AllowedHosts:0"] = "planner-pc.local",
        });
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        var response = await client.SendAsync(Request(HttpMethod.Get, "/api/v1/runs", null, ("Host", "planner-pc.local")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    static async Task AssertRefusedAsync(HttpClient client, HttpStatusCode status, HttpRequestMessage request, string says)
    {
        var response = await client.SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync());
    }

    static HttpRequestMessage Import(string csv, params (string Name, string Value)[] headers) =>
        Request(HttpMethod.Post, "/api/v1/imports/products", new StringContent(csv, Encoding.UTF8, "text/plain"), headers);

    static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (name, value) in headers)
            if (name == "Host")
                request.Headers.Host = value;
            else
                request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    /// <summary>What the refused requests would have changed: the products, the imports and the runs.</summary>
    static string Snapshot(NexGenWebApp app)
    {
        using var connection = app.GetRequiredService<DuckDbStore>().Open();
        return string.Join('\n', connection.Query<string>("""
            SELECT sku || '|' || coalesce(name, '') || '|' || coalesce(category, '') FROM products
            UNION ALL SELECT 'imports ' || count(*) FROM imports
            UNION ALL SELECT 'runs ' || count(*) FROM runs
            ORDER BY 1
            """));
    }
}
