using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NexGen.Core.Security;

namespace NexGen.Web.Security;

/// <summary>
/// Cookie sign-in and sign-out for people, posted from the login page's form (antiforgery-checked, since the
/// parameters come from a form). Passwords are checked with ASP.NET Core Identity's hasher; neither they nor the
/// reason a sign-in failed reach the log or the response.
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

    static async Task<RedirectHttpResult> LoginAsync(
        [FromForm] string? name, [FromForm] string? password, [FromForm] string? returnUrl,
        HttpContext context, UserStore users, AuditLog audit, CancellationToken cancellationToken)
    {
        var found = name is { Length: > 0 and <= 100 } ? await users.FindAsync(name, cancellationToken) : null;
        var verified = found is { } user && password is { Length: > 0 and <= 1000 }
            && new PasswordHasher<UserRecord>().VerifyHashedPassword(user.User, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (!verified)
        {
            await audit.RecordAsync(found is null ? "anonymous" : Actors.OfUser(found.Value.User.Name), "login.failed", null, null, CancellationToken.None);
            return TypedResults.LocalRedirect("/login?failed=1");
        }
        var record = found!.Value.User;
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, Actors.OfUser(record.Name)), new Claim(ClaimTypes.Role, record.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        await audit.RecordAsync(Actors.OfUser(record.Name), "login", null, null, CancellationToken.None);
        return TypedResults.LocalRedirect(returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/");
    }

    static async Task<RedirectHttpResult> LogoutAsync(HttpContext context, AuditLog audit)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await audit.RecordAsync(Actors.Of(context.User), "logout", null, null, CancellationToken.None);
        return TypedResults.LocalRedirect("/login");
    }
}
