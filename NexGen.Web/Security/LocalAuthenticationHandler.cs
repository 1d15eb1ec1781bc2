using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NexGen.Core.Security;

namespace NexGen.Web.Security;

/// <summary>
/// With authentication off (allowed on loopback only), every request from a loopback address is an admin named
/// <c>local</c>. A request from anywhere else gets no identity, so even a misconfigured bind exposes nothing.
/// </summary>
public sealed class LocalAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
            return Task.FromResult(AuthenticateResult.NoResult());
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, Actors.Local), new Claim(ClaimTypes.Role, Roles.Admin)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
