namespace NexGen.Core.Samples;

/// <summary>Stock of one store x SKU at the end of the last sales day, in units.</summary>
internal readonly record struct InventoryPosition(int OnHand, int OnOrder);
