namespace NexGen.Core.Store;

/// <summary>One page of a replenishment run's suggestions. Every filter is optional (null = all).</summary>
/// <param name="Location">Only this location.</param>
/// <param name="Search">Text contained in the sku or the product name, ignoring case.</param>
/// <param name="Show">Which rows: every series, or only those with an order (optionally in one line status).</param>
/// <param name="SortBy">The sort column; ties are broken by location, then sku.</param>
/// <param name="Descending">Sort descending; empty values come last either way.</param>
/// <param name="Page">Zero-based page number.</param>
/// <param name="PageSize">Rows per page, 1 to 1,000.</param>
public sealed record SuggestionQuery(
    string? Location = null,
    string? Search = null,
    SuggestionFilter Show = SuggestionFilter.Orders,
    SuggestionSortColumn SortBy = SuggestionSortColumn.Series,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);
