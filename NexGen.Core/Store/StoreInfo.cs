namespace NexGen.Core.Store;

/// <summary>What the store holds: row counts, the sales history's span and grain, and the latest imports.</summary>
public sealed record StoreInfo(
    string Path,
    int SchemaVersion,
    IReadOnlyDictionary<string, long> RowCounts,
    DateOnly? FirstSalesDate,
    DateOnly? LastSalesDate,
    long Locations,
    long Skus,
    long Series,
    string? Grain,
    IReadOnlyList<ImportAudit> RecentImports)
{
    public long SalesRows => RowCounts.GetValueOrDefault("sales");

    public bool IsEmpty => RowCounts.Values.All(c => c == 0);
}
