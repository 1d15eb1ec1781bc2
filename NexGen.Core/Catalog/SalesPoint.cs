namespace NexGen.Core.Catalog;

/// <summary>Units sold by one series in one period (a day or a week, the store's grain), returns netted off.</summary>
public sealed record SalesPoint(DateOnly Date, double Quantity);
