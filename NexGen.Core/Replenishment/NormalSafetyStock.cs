namespace NexGen.Core.Replenishment;

/// <summary>
/// Normal approximation, SS = z * sqrt(P * sd_d^2 + d^2 * sd_L^2) (<see cref="SafetyStock.Normal"/>); d is the mean
/// of the forecast per period over the safety-stock horizon.
/// </summary>
/// <param name="DemandSd">sd_d: standard deviation of demand (or of one-period forecast error) per period, in units.</param>
/// <param name="LeadTimeSd">sd_L: standard deviation of the lead time in periods; 0 (the default) for a fixed lead time.</param>
public sealed record NormalSafetyStock(double DemandSd, double LeadTimeSd = 0) : SafetyStockMethod
{
    /// <inheritdoc />
    public override string Name => "normal";
}
