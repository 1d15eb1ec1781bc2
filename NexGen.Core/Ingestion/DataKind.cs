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

    /// <summary>
    /// Exogenous variables by location and date (temperature, fuel price, CPI, markdowns, ...): a long file (location,
    /// date, name, value) or a wide one with a column per variable (Walmart's features.csv).
    /// </summary>
    Exogenous,
}
