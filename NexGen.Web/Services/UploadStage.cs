namespace NexGen.Web.Services;

public enum UploadStage
{
    /// <summary>The browser is sending the file; it is spooled to a temporary file.</summary>
    Uploading,

    /// <summary>The spooled file is being read into the store.</summary>
    Importing,
}
