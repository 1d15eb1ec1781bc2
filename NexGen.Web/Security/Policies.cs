using NexGen.Core.Security;

namespace NexGen.Web.Security;

/// <summary>Authorization policies, one per role; each role includes the ones below it (an admin may do what a planner may).</summary>
public static class Policies
{
    public const string Viewer = "Viewer";
    public const string Planner = "Planner";
    public const string Admin = "Admin";

    /// <summary>The roles that satisfy each policy.</summary>
    public static IReadOnlyDictionary<string, string[]> RolesOf { get; } = new Dictionary<string, string[]>
    {
        [Viewer] = [Roles.Viewer, Roles.Planner, Roles.Admin],
        [Planner] = [Roles.Planner, Roles.Admin],
        [Admin] = [Roles.Admin],
    };
}
