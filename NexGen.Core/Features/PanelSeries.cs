namespace NexGen.Core.Features;

/// <summary>One location x SKU series of a <see cref="SalesPanel"/>.</summary>
/// <param name="Index">Position in the panel (series are ordered by location, then SKU, ordinal).</param>
/// <param name="First">Period of the series' first sale: the series is not padded before it.</param>
/// <param name="LocationCode">Dense code of the location (0..), a categorical feature.</param>
/// <param name="CategoryCode">Dense code of the product category (0.., -1 unknown), a categorical feature.</param>
public sealed record PanelSeries(int Index, string Location, string Sku, string? Category, int First, int LocationCode, int CategoryCode);
