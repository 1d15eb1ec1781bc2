using System.ComponentModel.DataAnnotations;

namespace NexGen.Web.Security;

/// <summary>Settings of the <c>Security</c> section: authentication and rate limits.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Require a signed-in user or an API key. Off by default, which is only allowed while the app listens on loopback
    /// alone; listening on any other address with it off (or with no user and no key) stops the app at start-up.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Requests one API key (or, unauthenticated, one IP address) may make per <see cref="RateLimitWindowSeconds"/>. Default 300.</summary>
    [Range(1, int.MaxValue)]
    public int RateLimitPermits { get; set; } = 300;

    /// <summary>Length of the rate limit's window, in seconds. Default 60.</summary>
    [Range(1, 86_400)]
    public int RateLimitWindowSeconds { get; set; } = 60;
}
