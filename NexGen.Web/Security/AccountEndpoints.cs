using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NexGen.Core.Security;
using NexGen.Web.Services;

namespace NexGen.Web.Security;

/// <summary>
/// Cookie sign-in and sign-out for people, posted from the login page's form (antiforgery-checked, since the
/// parameters come from a form). Passwords are checked with ASP.NET Core Identity's hasher; neither they nor the
/// reason a sign-in failed reach the log or the response. Failures lock the name and the client address out for a growing
/// time (<see cref="SignInThrottle"/>: 429 with Retry-After), an unknown name costs the same hash check as a known one, a
/// disabled user fails like a wrong password, and the audit entries are queued (<see cref="AuditQueue"/>), not awaited.
/// The cookie carries the user's security stamp (<see cref="SessionValidator"/>).
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", LoginAsync).AllowAnonymous();
        account.MapPost("/logout", LogoutAsync).RequireAuthorization(Policies.Viewer);
        return app;
    }

    /// <summary>A hash of a random password, checked when the name is unknown so that a failure takes as long either way.</summary>
    static readonly string UnknownUserHash = new PasswordHasher<UserRecord>().HashPassword(null!, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    static async Task<Results<RedirectHttpResult, ProblemHttpResult>> LoginAsync(
        [FromForm] string? name, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext context, UserStore users, AuditQueue audit, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var wait = throttle.Wait(name, address);
        if (wait > TimeSpan.Zero)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem($"Too many failed sign-ins: try again in {seconds} s.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-ins");
        }
        var found = name is { Length: > 0 and <= 100 } ? await users.FindAsync(name, cancellationToken) : null;
        var hasher = new PasswordHasher<UserRecord>();
        var candidate = password is { Length: > 0 and <= 1000 } ? password : "";
        // The hash is checked for unknown names too, so the time a failure takes does not tell which names exist.
        var matches = hasher.VerifyHashedPassword(found?.User!, found?.PasswordHash ?? UnknownUserHash, candidate) != PasswordVerificationResult.Failed;
        if (found is null || candidate.Length == 0 || !matches || found.User.Disabled)
        {
            throttle.Failed(name, address);
            audit.Enqueue(found is null ? "anonymous" : Actors.OfUser(found.User.Name), "login.failed", details: found?.User.Disabled == true && matches ? "disabled" : null);
            return TypedResults.LocalRedirect("/login?failed=1");
        }
        throttle.Succeeded(name, address);
        var record = found.User;
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, Actors.OfUser(record.Name)), new Claim(ClaimTypes.Role, record.Role), new Claim(SessionValidator.StampClaim, found.Stamp)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        audit.Enqueue(Actors.OfUser(record.Name), "login");
        return TypedResults.LocalRedirect(returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/");
    }

    static async Task<RedirectHttpResult> LogoutAsync(HttpContext context, AuditQueue audit)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        audit.Enqueue(Actors.Of(context.User), "logout");
        return TypedResults.LocalRedirect("/login");
    }
}
