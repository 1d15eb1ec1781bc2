using NexGen.Core.Forecasting;
using NexGen.Core.Store;

namespace NexGen.Tests.Web;

/// <summary>An app on <see cref="WebSamples"/> with one succeeded forecast run (a small model, 4 weeks ahead) made through its own service.</summary>
public sealed class ForecastedAppFixture : IAsyncLifetime
{
    NexGenWebApp? _app;

    public NexGenWebApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    public RunRecord Run { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _app = NexGenWebApp.Start();
        Run = await _app.GetRequiredService<ForecastService>().RunAsync(LatestRunCardTests.SmallRequest());
        if (Run.Status != "succeeded")
            throw new InvalidOperationException($"The forecast on the web samples {Run.Status}: {Run.Error}");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
