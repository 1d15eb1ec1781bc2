namespace NexGen.Tests.Samples;

/// <summary>One parsed row of sales.csv.</summary>
public sealed record SalesRow(string Location, string Sku, DateOnly Date, int Quantity, decimal Price, bool Promo);
