using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using NexGen.Core.Security;

namespace NexGen.Web.Security;

/// <summary>
/// Whether a signed-in person's session still stands: the security stamp in their cookie is their current one and they
/// are not disabled (<see cref="UserStore.ActiveStampAsync"/>). Changing a user's role or password, or
/// <c>nexgen users disable NAME</c> (from another process too), draws a new stamp, so their cookies are refused and
/// their open pages signed out within <see cref="SecurityOptions.SessionCheckSeconds"/>: requests look the stamp up at
/// most that often per user, circuits revalidate that often (<see cref="SessionRevalidator"/>). API keys and the
/// loopback "local" user carry no stamp and are not sessions.
/// </summary>
public sealed class SessionValidator(UserStore users, IOptionsMonitor<SecurityOptions> options, TimeProvider clock, ILogger<SessionValidator> logger)
{
    /// <summary>The claim holding the security stamp the cookie was made with.</summary>
    public const string StampClaim = "nexgen:stamp";

    readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset Checked)> _stamps = new(StringComparer.Ordinal);

    /// <summary>
    /// False when <paramref name="principal"/> is a cookie session whose user is gone, disabled or has a new stamp.
    /// <paramref name="fresh"/> reads the store rather than a stamp looked up within the check interval.
    /// </summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, bool fresh, CancellationToken cancellationToken)
    {
        if (principal.Identity is not { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme } identity)
            return true;
        var stamp = principal.FindFirstValue(StampClaim);
        var name = identity.Name is { } actor && actor.StartsWith(Actors.UserPrefix, StringComparison.Ordinal) ? actor[Actors.UserPrefix.Length..] : null;
        if (stamp is null || name is null)
            return false;
        var now = clock.GetUtcNow();
        if (fresh || !_stamps.TryGetValue(name, out var known) || now - known.Checked >= Interval)
        {
            known = (await users.ActiveStampAsync(name, cancellationToken), now);
            if (_stamps.Count >= MaxTracked)
                _stamps.Clear();
            _stamps[name] = known;
        }
        if (known.Stamp == stamp)
            return true;
        logger.LogInformation("The session of user {Name} has ended: the user was changed, disabled or removed", name);
        return false;
    }

    TimeSpan Interval => TimeSpan.FromSeconds(options.CurrentValue.SessionCheckSeconds);

    /// <summary>Users whose stamp is remembered at most (a cleared table costs one lookup per user).</summary>
    const int MaxTracked = 10_000;

    /// <summary>The cookie handler's check on every request: a session that no longer stands is signed out.</summary>
    public sealed class CookieEvents(SessionValidator sessions) : CookieAuthenticationEvents
    {
        public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
        {
            if (context.Principal is { } principal && !await sessions.IsCurrentAsync(principal, fresh: false, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }
        }
    }
}
