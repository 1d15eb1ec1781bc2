using System.Net;
using Microsoft.Extensions.Options;

namespace NexGen.Web.Security;

/// <summary>
/// Refuses the requests a web page the planner happens to visit could make the browser send, before anything reads
/// or writes the store:
/// <list type="bullet">
/// <item>With authentication off: a Host that is not a loopback name or one of <see cref="SecurityOptions.AllowedHosts"/>
/// (400: a DNS-rebinding page reaches the app under its own name), and any request that came through a proxy
/// (Forwarded, X-Forwarded-*, Via: 403), since the loopback admin must be a local process, not whoever the proxy serves.</item>
/// <item>Always: an unsafe method (POST, PUT, PATCH, DELETE) without proof that it is not cross-site (403): the browser's
/// <c>Sec-Fetch-Site: same-origin</c> or <c>none</c>; from an older browser, an Origin equal to the request's own;
/// from a script, no browser marker (Sec-Fetch-Site, Origin) and the <see cref="ClientHeader"/> header, which a
/// cross-site <c>no-cors</c> request cannot carry. A request with an API key needs none of this: browsers never add one.</item>
/// </list>
/// </summary>
public sealed class RequestOriginGuard(RequestDelegate next, IOptionsMonitor<SecurityOptions> options)
{
    /// <summary>The header scripts and tools send with unsafe requests (any value).</summary>
    public const string ClientHeader = "X-NexGen-Client";

    static readonly string[] ProxyHeaders = ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Via"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (Refusal(context.Request, options.CurrentValue) is not { } refusal)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = refusal.Status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = refusal.Status, Title = refusal.Status == StatusCodes.Status400BadRequest ? "Host not served" : "Request refused", Detail = refusal.Detail },
        });
    }

    /// <summary>Why the request is refused (status and message), or null when it may go on.</summary>
    internal static (int Status, string Detail)? Refusal(HttpRequest request, SecurityOptions settings)
    {
        if (!settings.Enabled)
        {
            var host = request.Host.Host;
            if (!IsLoopbackName(host) && !settings.AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
                return (StatusCodes.Status400BadRequest,
                    $"Host '{host}' is not served: with authentication off NexGen answers to localhost, 127.0.0.1 and [::1] " +
                    "only (add names to Security:AllowedHosts).");
            if (ProxyHeaders.FirstOrDefault(h => request.Headers.ContainsKey(h)) is { } proxy)
                return (StatusCodes.Status403Forbidden,
                    $"The request came through a proxy (its {proxy} header says so); with authentication off NexGen serves " +
                    "direct local requests only. Turn authentication on (Security:Enabled) to serve through a proxy.");
        }
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return null;
        if (settings.Enabled && ApiKeyAuthenticationHandler.KeyOf(request) is { Length: > 0 })
            return null;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        if (site is "same-origin" or "none")
            return null;
        if (site.Length == 0 && origin.Length > 0 && IsSameOrigin(origin, request))
            return null;
        if (site.Length == 0 && origin.Length == 0 && request.Headers.ContainsKey(ClientHeader))
            return null;
        return (StatusCodes.Status403Forbidden,
            $"{request.Method} refused: it may come from another site (Sec-Fetch-Site: {(site.Length > 0 ? site : "absent")}, " +
            $"Origin: {(origin.Length > 0 ? origin : "absent")}). Pages of this app send it themselves; scripts and tools add the " +
            $"header {ClientHeader} (any value) or an API key.");
    }

    /// <summary>localhost or a loopback IP address (IPv6 with or without brackets).</summary>
    internal static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
