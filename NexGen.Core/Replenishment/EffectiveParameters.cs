namespace NexGen.Core.Replenishment;

/// <summary>
/// The parameters in force for one location x sku, each with its source, plus any invalid combination found.
/// Units as in <see cref="ReplenishmentOptions"/>.
/// </summary>
public sealed record EffectiveParameters
{
    /// <summary>Lead time in days.</summary>
    public required Sourced<int> LeadTimeDays { get; init; }
    /// <summary>Review period in days.</summary>
    public required Sourced<int> ReviewPeriodDays { get; init; }
    /// <summary>Service-level target as a probability; null = from the ABC x XYZ class.</summary>
    public required Sourced<double?> ServiceLevel { get; init; }
    /// <summary>periodic | continuous | minmax | cover.</summary>
    public required Sourced<string> Policy { get; init; }
    /// <summary>Cover in days.</summary>
    public required Sourced<double> CoverDays { get; init; }
    /// <summary>Units per pack.</summary>
    public required Sourced<int> PackSize { get; init; }
    /// <summary>Minimum order quantity in units.</summary>
    public required Sourced<int> MinOrderQuantity { get; init; }
    /// <summary>Maximum order quantity in units; null for none.</summary>
    public required Sourced<int?> MaxOrderQuantity { get; init; }
    /// <summary>Maximum stock in units; null for none.</summary>
    public required Sourced<int?> MaxStock { get; init; }
    /// <summary>Cost per order in currency.</summary>
    public required Sourced<double> OrderCost { get; init; }
    /// <summary>Holding rate per year as a fraction of unit cost.</summary>
    public required Sourced<double> HoldingRatePerYear { get; init; }
    /// <summary>Invalid combinations; empty when the parameters can be used.</summary>
    public IReadOnlyList<ParameterProblem> Problems { get; init; } = [];

    /// <summary>The order-line constraints these parameters describe.</summary>
    public OrderConstraints ToOrderConstraints() => new()
    {
        PackSize = PackSize.Value,
        MinimumOrderQuantity = MinOrderQuantity.Value,
        MaximumOrderQuantity = MaxOrderQuantity.Value,
        MaximumStock = MaxStock.Value,
    };
}
