namespace NexGen.Tests.Web.Api;

/// <summary>One <see cref="SecuredApp"/> on the tiny web samples, with an upload limit of 12 MiB, shared by a test class.</summary>
public sealed class SecuredAppFixture : IAsyncLifetime
{
    public const long UploadLimit = 12L * 1024 * 1024;

    SecuredApp? _app;

    public SecuredApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    public async Task InitializeAsync() =>
        _app = await SecuredApp.StartAsync(new Dictionary<string, string?> { ["NexGen:MaxUploadBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
