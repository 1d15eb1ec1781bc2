using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using NexGen.Core.Security;

namespace NexGen.Web.Security;

/// <summary>
/// Refuses to run an app that others can reach without authentication: once Kestrel has bound its addresses, any
/// address that is not loopback requires <c>Security:Enabled</c> and at least one user or API key, or start-up fails
/// with a message saying what to do. On loopback alone, authentication may stay off.
/// </summary>
public sealed class ExposureGuard(IServer server, IOptions<SecurityOptions> options, UserStore users, ApiKeyStore keys, ILogger<ExposureGuard> logger)
    : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count == 0)
        {
            if (!options.Value.Enabled)
                logger.LogWarning("Authentication is off: anyone on this machine is an admin. Set Security:Enabled=true to require sign-in.");
            return;
        }
        var where = string.Join(", ", exposed);
        if (!options.Value.Enabled)
            throw new InvalidOperationException(
                $"NexGen listens on {where}, which is not loopback, with authentication off. Set Security:Enabled=true " +
                "(environment variable Security__Enabled=true) and create an admin with `nexgen users add NAME --role admin` " +
                "or a key with `nexgen keys create --role planner --name NAME`, or listen on 127.0.0.1 only.");
        if (!await users.AnyAsync(cancellationToken) && !await keys.AnyValidAsync(cancellationToken))
            throw new InvalidOperationException(
                $"NexGen listens on {where} with authentication on, but no user or API key exists, so nobody could sign in. " +
                "Stop the app and create one with `nexgen users add NAME --role admin` or `nexgen keys create --role admin --name NAME`.");
    }

    static bool IsLoopback(string address) => RequestOriginGuard.IsLoopbackName(BindingAddress.Parse(address).Host);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
