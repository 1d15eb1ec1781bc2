namespace NexGen.Core.Samples;

/// <summary>
/// The sales.csv rows of one store x SKU, already UTF-8 encoded, and its closing stock.
/// <see cref="Buffer"/> is rented from the shared array pool: the writer returns it.
/// </summary>
internal readonly record struct SeriesOutput(int LocationIndex, int SkuIndex, byte[] Buffer, int Length, InventoryPosition Inventory);
