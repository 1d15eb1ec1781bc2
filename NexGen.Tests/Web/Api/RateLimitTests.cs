using System.Net;

namespace NexGen.Tests.Web.Api;

/// <summary>
/// The API's fixed-window limit per key: a burst past it gets 429 with Retry-After, another key is not slowed, and the
/// health checks stay outside it (an orchestrator's probes never count against anybody).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RateLimitTests
{
    [Fact]
    public async Task BurstPastTheLimitGets429WithRetryAfterPerKey()
    {
        await using var app = await SecuredApp.StartAsync(new Dictionary<string, string?>
        {
            ["Security:RateLimitPermits"] = "5",
            ["Security:RateLimitWindowSeconds"] = "60",
            ["NexGen:LoadSamplesOnFirstStart"] = "false",
        });
        using var viewer = app.Client(app.ViewerKey);
        using var planner = app.Client(app.PlannerKey);

        var burst = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => viewer.GetAsync("/api/v1/runs")));

        Assert.Equal(5, burst.Count(r => r.StatusCode == HttpStatusCode.OK));
        var limited = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(3, limited.Count);
        foreach (var response in limited)
        {
            var seconds = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(seconds, 1, 60);
            await Problems.AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
        }
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync("/api/v1/runs")).StatusCode);
        using var anonymous = app.Client(null);
        var probes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => anonymous.GetAsync(i % 2 == 0 ? "/health" : "/health/ready")));
        Assert.All(probes, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }
}
