namespace NexGen.Core.Ingestion;

public enum ImportStatus
{
    /// <summary>Every row was applied in one transaction.</summary>
    Succeeded,

    /// <summary>The file had errors; nothing was changed.</summary>
    Rejected,

    /// <summary>Something other than the file failed (disk, store); nothing was changed.</summary>
    Failed,

    /// <summary>Cancelled by the user; nothing was changed.</summary>
    Cancelled,
}
