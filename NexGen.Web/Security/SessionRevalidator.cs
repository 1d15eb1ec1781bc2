using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace NexGen.Web.Security;

/// <summary>
/// The circuit's user, checked again every <see cref="SecurityOptions.SessionCheckSeconds"/>: when their session no
/// longer stands (<see cref="SessionValidator"/>), the open page signs them out (it shows the sign-in link instead of
/// the page).
/// </summary>
public sealed class SessionRevalidator(ILoggerFactory loggerFactory, SessionValidator sessions, IOptions<SecurityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(options.Value.SessionCheckSeconds);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        sessions.IsCurrentAsync(authenticationState.User, fresh: true, cancellationToken);
}
