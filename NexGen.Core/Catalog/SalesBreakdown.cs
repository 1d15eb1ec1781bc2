namespace NexGen.Core.Catalog;

/// <summary>Sales of one category or one location over a period.</summary>
/// <param name="Name">The category or location; "(no category)" for products without one.</param>
/// <param name="Units">Units sold.</param>
/// <param name="Value">Sales value in currency; null when no price is known.</param>
public sealed record SalesBreakdown(string Name, double Units, double? Value);
