namespace NexGen.Core.Security;

/// <summary>
/// The three roles, each including the ones before it: a viewer reads; a planner also uploads, runs and approves;
/// an admin also manages keys, users and settings.
/// </summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Planner = "planner";
    public const string Admin = "admin";

    /// <summary>Every role, from the least to the most allowed.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Planner, Admin];

    /// <summary>The role named by <paramref name="text"/> (any case), or null when it names none.</summary>
    public static string? Parse(string? text) =>
        All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
