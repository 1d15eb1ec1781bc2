namespace NexGen.Core.Replenishment;

/// <summary>One item's sales value, the input to <see cref="Abc.Classify"/>.</summary>
/// <param name="Key">The item's identity, e.g. "location/sku"; unique within one classification.</param>
/// <param name="SalesValue">Sales value over the last year in currency (or units when no price is known); negatives count as 0.</param>
public sealed record ItemSalesValue(string Key, double SalesValue);
