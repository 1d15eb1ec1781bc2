namespace NexGen.Core.Ingestion;

/// <summary>The kinds of data NexGen imports; each has one canonical table in the store.</summary>
public enum DataKind
{
    Sales,
    Products,
    Inventory,
    Promotions,
    Events,
    Locations,
}
