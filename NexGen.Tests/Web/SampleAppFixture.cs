namespace NexGen.Tests.Web;

/// <summary>One app started on an empty store, so it loads <see cref="WebSamples"/> on first start.</summary>
public sealed class SampleAppFixture : IAsyncLifetime
{
    NexGenWebApp? _app;

    public NexGenWebApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    public Task InitializeAsync()
    {
        _app = NexGenWebApp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
