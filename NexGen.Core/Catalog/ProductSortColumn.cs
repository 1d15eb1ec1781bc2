namespace NexGen.Core.Catalog;

/// <summary>
/// The columns <see cref="ProductCatalog.SearchAsync"/> can sort by: a whitelist, named as the properties of
/// <see cref="ProductSummary"/> so that a grid column's property name parses to its sort column.
/// </summary>
public enum ProductSortColumn
{
    Location,
    Sku,
    Name,
    Category,
    UnitsLast4Weeks,
    ValueLast4Weeks,
    Trend,
    OnHand,
    ForecastNext4Weeks,
    Abc,
    Xyz,
    /// <summary>By the most severe alert: ascending puts critical first, then warning, then info; series without an alert come last.</summary>
    Alert,
}
