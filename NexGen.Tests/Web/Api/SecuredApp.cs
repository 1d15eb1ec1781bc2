using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using NexGen.Core.Security;
using NexGen.Web.Security;

namespace NexGen.Tests.Web.Api;

/// <summary>
/// The whole app on a loopback port with authentication on, one API key per role and a user who signs in with a
/// password, all created through the app's own stores.
/// </summary>
public sealed class SecuredApp : IAsyncDisposable
{
    public const string UserName = "pat";
    public const string UserPassword = "correct horse battery";
    public const string ViewerName = "vic";

    SecuredApp(NexGenWebApp app, string viewer, string planner, string admin)
    {
        App = app;
        ViewerKey = viewer;
        PlannerKey = planner;
        AdminKey = admin;
    }

    public NexGenWebApp App { get; }
    public string ViewerKey { get; }
    public string PlannerKey { get; }
    public string AdminKey { get; }

    /// <summary>Starts the app with <c>Security:Enabled</c> and the given extra settings.</summary>
    public static async Task<SecuredApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Security:Enabled"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var app = NexGenWebApp.Start(all);
        var keys = app.GetRequiredService<ApiKeyStore>();
        var viewer = await keys.CreateAsync("test viewer", Roles.Viewer);
        var planner = await keys.CreateAsync("test planner", Roles.Planner);
        var admin = await keys.CreateAsync("test admin", Roles.Admin);
        var hash = new PasswordHasher<UserRecord>().HashPassword(null!, UserPassword);
        await app.GetRequiredService<UserStore>().SaveAsync(UserName, Roles.Planner, hash);
        await app.GetRequiredService<UserStore>().SaveAsync(ViewerName, Roles.Viewer, hash);
        return new SecuredApp(app, viewer.Key, planner.Key, admin.Key);
    }

    /// <summary>
    /// A client of the app as a script is: it sends <paramref name="key"/> as <c>X-Api-Key</c> (none when null) and the
    /// <see cref="RequestOriginGuard.ClientHeader"/>, and follows no redirect.
    /// </summary>
    public HttpClient Client(string? key)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(App.BaseUrl) };
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        client.DefaultRequestHeaders.Add(RequestOriginGuard.ClientHeader, "tests");
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
