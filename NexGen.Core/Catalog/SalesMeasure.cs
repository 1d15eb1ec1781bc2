namespace NexGen.Core.Catalog;

/// <summary>What the overview ranks and charts sales by: units sold, or their value in currency.</summary>
public enum SalesMeasure
{
    Units,
    Value,
}
