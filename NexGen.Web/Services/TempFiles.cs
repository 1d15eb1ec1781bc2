using Microsoft.Extensions.Options;
using NexGen.Core;

namespace NexGen.Web.Services;

/// <summary>
/// The app's temporary files (uploads being spooled, exports being streamed) live in <c>tmp</c> beside the store, a
/// folder only this app uses (one process owns a store), so what a crash left there is deleted at start-up
/// (<see cref="DeleteLeftovers"/>) without touching another process's files.
/// </summary>
public sealed class TempFiles(IOptions<NexGenOptions> options)
{
    public string Folder => Path.Combine(Path.GetDirectoryName(NexGenPaths.Resolve(options.Value.StorePath))!, "tmp");

    /// <summary>A new, unused path in <see cref="Folder"/> (created if needed): <c>prefix-guid.extension</c>.</summary>
    public string NewPath(string prefix, string extension)
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, $"{prefix}-{Guid.NewGuid():N}.{extension}");
    }

    /// <summary>Deletes every file in <see cref="Folder"/>; returns how many.</summary>
    public int DeleteLeftovers()
    {
        if (!Directory.Exists(Folder))
            return 0;
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            File.Delete(file);
            deleted++;
        }
        return deleted;
    }
}
