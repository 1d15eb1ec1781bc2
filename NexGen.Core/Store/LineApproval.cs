namespace NexGen.Core.Store;

/// <summary>One purchase-order line to approve, with the units to order (whole packs).</summary>
/// <param name="LineId">The line's id.</param>
/// <param name="Quantity">Units to order: the suggestion or an edited quantity, at least one pack and a multiple of the pack size.</param>
public sealed record LineApproval(long LineId, int Quantity);
