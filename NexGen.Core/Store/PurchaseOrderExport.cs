namespace NexGen.Core.Store;

/// <summary>One export of purchase-order lines: the file written and what went into it.</summary>
/// <param name="Path">The file's full path on the server.</param>
/// <param name="RunId">The replenishment run the lines belong to.</param>
/// <param name="Exported">When the lines were exported, UTC.</param>
/// <param name="Lines">Lines in the file.</param>
/// <param name="Units">Units ordered in the file.</param>
/// <param name="Value">Units x unit cost, in currency (lines without a unit cost count 0).</param>
public sealed record PurchaseOrderExport(string Path, long RunId, DateTime Exported, int Lines, long Units, double Value)
{
    /// <summary>"csv" or "parquet", from the file's extension.</summary>
    public string Format => System.IO.Path.GetExtension(Path).TrimStart('.').ToLowerInvariant();

    /// <summary>The file's name without its folder.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);
}
