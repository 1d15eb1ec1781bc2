namespace NexGen.Core.Replenishment;

/// <summary>
/// Empirical quantile of cumulative forecast error (<see cref="SafetyStock.Empirical"/>).
/// </summary>
/// <param name="CumulativeErrors">
/// Cumulative errors actual - forecast, one per backtest window, in units, summed over the policy's safety-stock horizon:
/// L + R periods for periodic review and days of cover, L periods for (s, Q) and min/max
/// (<see cref="Suggestion.SafetyStockPeriods"/>).
/// </param>
public sealed record EmpiricalSafetyStock(IReadOnlyList<double> CumulativeErrors) : SafetyStockMethod
{
    /// <inheritdoc />
    public override string Name => "empirical";
}
