using System.Net;
using NexGen.Core.Security;
using NexGen.Core.Store;

namespace NexGen.Tests.Web.Api;

/// <summary>
/// Authentication is mandatory off loopback: listening on every address without it, or with it but nobody who could
/// sign in, stops start-up with a message saying what to do. On loopback it may be off, with a banner.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ExposureTests
{
    [Fact]
    public async Task ListeningOnEveryAddressWithAuthenticationOffRefusesToStart()
    {
        var (exitCode, output, _) = await WebAppProcess.RunUntilExitAsync(EveryAddress);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("not loopback, with authentication off", output);
        Assert.Contains("Security:Enabled=true", output);
    }

    [Fact]
    public async Task ListeningOnEveryAddressWithNoUserOrKeyRefusesToStart()
    {
        var (exitCode, output, _) = await WebAppProcess.RunUntilExitAsync(EveryAddress, "--Security:Enabled=true");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("no user or API key exists", output);
    }

    [Fact]
    public async Task ListeningOnEveryAddressWithAKeyStartsAndStillRequiresIt()
    {
        var folder = Directory.CreateTempSubdirectory("nexgen-exposed-").FullName;
        try
        {
            var storePath = Path.Combine(folder, "store.duckdb");
            var store = new DuckDbStore(storePath);
            await store.InitializeAsync();
            var key = await new ApiKeyStore(store).CreateAsync("ops", Roles.Viewer);
            var settings = new Dictionary<string, string?>(Quiet) { ["Security:Enabled"] = "true", ["NexGen:StorePath"] = storePath };

            await using var app = NexGenWebApp.Start(settings, anyAddress: true);
            using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/runs")).StatusCode);
            client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/runs")).StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task OnLoopbackAuthenticationIsOffByDefaultWithABanner()
    {
        await using var app = NexGenWebApp.Start(Quiet);
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/runs")).StatusCode);
        var home = await client.GetStringAsync("/");
        Assert.Contains("data-testid=\"auth-off-banner\"", home);
        Assert.Contains("Authentication is off", home);
    }

    static readonly Dictionary<string, string?> Quiet = new() { ["NexGen:LoadSamplesOnFirstStart"] = "false" };

    const string EveryAddress = "--urls=http://0.0.0.0:0";
}
