namespace NexGen.Core.Catalog;

/// <summary>One page of <see cref="ProductSummary"/> rows and how many rows match the filters over all pages.</summary>
public sealed record ProductPage(IReadOnlyList<ProductSummary> Rows, long TotalCount);
