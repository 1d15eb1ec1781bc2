namespace NexGen.Web.Security;

/// <summary>The authentication schemes: API keys for machines, cookies for people, and "local" when authentication is off.</summary>
public static class AuthSchemes
{
    public const string ApiKey = "ApiKey";

    /// <summary>Signs in everyone who connects from loopback as an admin named <c>local</c>; used only when authentication is off.</summary>
    public const string Local = "Local";

    /// <summary>The default when authentication is on: API keys for <c>/api</c>, the cookie for pages.</summary>
    public const string Selector = "NexGen";
}
