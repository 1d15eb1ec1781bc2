namespace NexGen.Core.Store;

/// <summary>A series' mean demand per period at a forecast run's cutoff: the unit of its intervals and error profile.</summary>
/// <param name="Scale">Units per period of the sales grain.</param>
public sealed record SeriesScale(string Location, string Sku, double Scale, double? ErrorScale = null);
