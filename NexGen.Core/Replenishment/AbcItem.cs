namespace NexGen.Core.Replenishment;

/// <summary>One item's ABC class with the shares behind it.</summary>
/// <param name="Key">The item's identity.</param>
/// <param name="SalesValue">Sales value counted, negatives clipped to 0.</param>
/// <param name="Share">This item's share of total sales value, in [0, 1].</param>
/// <param name="CumulativeShare">Share of the items ranked up to and including this one, in [0, 1].</param>
/// <param name="Class">A when the cumulative share is at most the A cut-off, B when at most the B cut-off, else C.</param>
public sealed record AbcItem(string Key, double SalesValue, double Share, double CumulativeShare, AbcClass Class);
