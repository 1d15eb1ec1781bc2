using System.Security.Cryptography;

namespace NexGen.Web.Security;

/// <summary>
/// Security headers on every response. The content security policy fits Blazor Server and MudBlazor: scripts only from
/// the app and the page's own import map (allowed by a nonce drawn per request), inline styles (MudBlazor sets style
/// attributes), the circuit's WebSocket to the same origin, no framing.
/// </summary>
public static class SecurityHeaders
{
    const string NonceKey = "nexgen.csp-nonce";

    /// <summary>The policy for a response whose inline scripts carry <paramref name="nonce"/>.</summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>This request's script nonce (the import map carries it), drawn when the headers are added.</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceKey] as string;

    /// <summary>Draws the request's nonce and adds the headers before the response starts.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
