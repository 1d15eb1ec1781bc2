namespace NexGen.Web.Services;

/// <summary>Where an upload is: bytes of the file uploaded or read so far, and for the import, rows read.</summary>
public sealed record UploadProgress(UploadStage Stage, long Bytes, long TotalBytes, long Rows)
{
    /// <summary>Done so far, from 0 to 1.</summary>
    public double Fraction => TotalBytes <= 0 ? 0 : Math.Clamp((double)Bytes / TotalBytes, 0, 1);
}
