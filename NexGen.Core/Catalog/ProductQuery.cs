using NexGen.Core.Replenishment;

namespace NexGen.Core.Catalog;

/// <summary>One page of the product list: filters, sort and paging. Every filter is optional (null = all).</summary>
/// <param name="Search">Text contained in the SKU or the product name, ignoring case.</param>
/// <param name="Location">Only this location.</param>
/// <param name="Category">Only this category.</param>
/// <param name="Abc">Only this ABC class.</param>
/// <param name="Xyz">Only this XYZ class.</param>
/// <param name="Alert">Only series with an alert in the latest replenishment run at least this severe (Info = any alert).</param>
/// <param name="SortBy">The sort column; ties are broken by location, then SKU.</param>
/// <param name="Descending">Sort descending; empty values (no price, no forecast) come last either way.</param>
/// <param name="Page">Zero-based page number.</param>
/// <param name="PageSize">Rows per page, 1 to 1,000.</param>
public sealed record ProductQuery(
    string? Search = null,
    string? Location = null,
    string? Category = null,
    AbcClass? Abc = null,
    XyzClass? Xyz = null,
    AlertSeverity? Alert = null,
    ProductSortColumn SortBy = ProductSortColumn.Location,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);
