namespace NexGen.Core.Replenishment;

/// <summary>How urgent a <see cref="ReplenishmentAlert"/> is; lower values are more urgent.</summary>
public enum AlertSeverity
{
    /// <summary>Act today: a stock-out is projected before an order placed now can arrive.</summary>
    Critical,
    /// <summary>Act soon: low stock, dead stock, or data that stops or weakens a suggestion.</summary>
    Warning,
    /// <summary>Worth a look: overstock, or a default standing in for a missing value.</summary>
    Info,
}
