namespace NexGen.Core.Store;

/// <summary>A run's purchase-order lines at one location (or all) by status, with the value of the approved ones.</summary>
/// <param name="Suggested">Lines still to review.</param>
/// <param name="Approved">Approved lines not exported yet.</param>
/// <param name="Exported">Exported lines.</param>
/// <param name="ApprovedUnits">Units on the approved lines.</param>
/// <param name="ApprovedValue">Units x unit cost of the approved lines, in currency (lines without a unit cost count 0).</param>
public sealed record PurchaseOrderSummary(int Suggested, int Approved, int Exported, long ApprovedUnits, double ApprovedValue);
