using System.Globalization;
using System.Security.Claims;

namespace NexGen.Web.Security;

/// <summary>How the audit log names who did something.</summary>
public static class Actors
{
    /// <summary>Everyone on loopback while authentication is off.</summary>
    public const string Local = "local";

    public static string OfKey(long id, string name) => string.Create(CultureInfo.InvariantCulture, $"key:{id} ({name})");

    /// <summary>What <see cref="OfUser"/> puts before a user's name.</summary>
    public const string UserPrefix = "user:";

    public static string OfUser(string name) => UserPrefix + name;

    /// <summary>The actor of a signed-in principal (its name claim), or <c>anonymous</c>.</summary>
    public static string Of(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : "anonymous";
}
