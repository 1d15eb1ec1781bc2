namespace NexGen.Core.Store;

/// <summary>Which forecast rows of a run to read: one location, one SKU, a date range (inclusive); null means any.</summary>
public sealed record ForecastFilter(string? Location = null, string? Sku = null, DateOnly? From = null, DateOnly? To = null)
{
    public static ForecastFilter All { get; } = new();
}
