using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NexGen.Core.Security;

namespace NexGen.Web.Security;

/// <summary>
/// Authenticates a request by its API key, sent as <c>X-Api-Key: KEY</c> or <c>Authorization: Bearer KEY</c>. The key
/// is looked up by its SHA-256; it is never logged. No key gives no result (401 on a protected endpoint).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>The key the request carries, or null.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        if (request.Headers[HeaderName] is { Count: > 0 } header)
            return header.ToString();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyOf(Request) is not { Length: > 0 } key)
            return AuthenticateResult.NoResult();
        var record = await keys.FindValidAsync(key, Context.RequestAborted);
        if (record is null)
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, Actors.OfKey(record.Id, record.Name)),
            new Claim(ClaimTypes.Role, record.Role),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
