namespace NexGen.Web.Services;

/// <summary>
/// A browser file copied to a temporary file on the server (see <see cref="UploadImporter.SpoolAsync"/>), so that it
/// can be previewed and imported, and imported again with another mapping after a rejection, without uploading it
/// again. Disposing deletes the copy.
/// </summary>
public sealed class SpooledUpload(string path, string fileName, long size, ILogger logger) : IDisposable
{
    /// <summary>The temporary copy.</summary>
    public string Path { get; } = path;

    /// <summary>The name the file had in the browser, shown in reports and the import history.</summary>
    public string FileName { get; } = fileName;

    public long Size { get; } = size;

    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not delete the upload spool file {Path}", Path);
        }
    }
}
