using Bunit;

namespace NexGen.Tests.Web.Components;

/// <summary>
/// Component tests over a fresh real store per test (holding <see cref="WebSamples"/> when <c>samples</c>); each test
/// makes its own bUnit context over it with <see cref="NewContext"/> and disposes it (<c>await using</c>: MudBlazor has
/// services that only dispose asynchronously). The classes are in one collection (<see cref="Name"/>), so they run one
/// at a time: each reads a real store and some run real forecasts, on a machine with 2 cores.
/// </summary>
public abstract class ComponentTests(bool samples) : IAsyncLifetime
{
    public const string Name = "Components";

    protected TestStore Store { get; } = new();

    public Task InitializeAsync() => samples ? Store.ImportWebSamplesAsync() : Task.CompletedTask;

    public async Task DisposeAsync() => await Store.DisposeAsync();

    /// <summary>A bUnit context wired like the app over <see cref="Store"/> (<see cref="NexGenBunit.AddNexGen"/>).</summary>
    protected BunitContext NewContext()
    {
        var context = new BunitContext();
        context.AddNexGen(Store);
        return context;
    }
}
