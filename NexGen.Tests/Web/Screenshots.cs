using NexGen.Core;

namespace NexGen.Tests.Web;

/// <summary>Where the web tests keep their screenshots: <c>TestResults/screenshots</c> in the repository, one file per page state.</summary>
public static class Screenshots
{
    public static string PathFor(string name)
    {
        var folder = Path.Combine(NexGenPaths.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
