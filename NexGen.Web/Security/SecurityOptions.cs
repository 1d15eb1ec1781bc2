using System.ComponentModel.DataAnnotations;

namespace NexGen.Web.Security;

/// <summary>Settings of the <c>Security</c> section: authentication and rate limits.</summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string SectionName = "Security";

    /// <summary>
    /// Require a signed-in user or an API key. Off by default, which is only allowed while the app listens on loopback
    /// alone; listening on any other address with it off (or with no user and no key) stops the app at start-up.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Host names served with authentication off besides localhost, 127.0.0.1 and [::1] (a request for any other Host
    /// is refused, so a DNS-rebinding page cannot reach the app under its own name).
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>
    /// Addresses of the reverse proxies in front of the app (with authentication on): their X-Forwarded-For and
    /// X-Forwarded-Proto are trusted, and the sign-in cookie is sent over HTTPS only.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Requests one API key (or, unauthenticated, one IP address) may make per <see cref="RateLimitWindowSeconds"/>. Default 300.</summary>
    [Range(1, int.MaxValue)]
    public int RateLimitPermits { get; set; } = 300;

    /// <summary>Length of the rate limit's window, in seconds. Default 60.</summary>
    [Range(1, 86_400)]
    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>
    /// How often, in seconds, a signed-in session is checked against its user (changed role or password, disabled):
    /// such a user's cookies and open pages are signed out within this time. Default 30.
    /// </summary>
    [Range(1, 60)]
    public int SessionCheckSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)).Select(p =>
            new ValidationResult($"Security:KnownProxies holds '{p}', which is not an IP address.", [nameof(KnownProxies)]));
}
