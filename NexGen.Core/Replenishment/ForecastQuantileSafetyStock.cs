namespace NexGen.Core.Replenishment;

/// <summary>
/// From the forecast's quantiles: SS = q_a(D_P) - D_P (<see cref="SafetyStock.FromQuantile"/>), with q_a(D_P) taken
/// as the sum of the per-period a-quantiles over the safety-stock horizon.
/// </summary>
/// <remarks>
/// Summing per-period quantiles is exact only when the periods' errors move together; with independent errors the
/// quantile of the sum is smaller, so this errs on the side of more stock. Prefer
/// <see cref="EmpiricalSafetyStock"/> when backtest errors over the horizon are available.
/// </remarks>
/// <param name="QuantilePerPeriod">
/// The forecast's quantile at the target service level for each future period, aligned with
/// <see cref="SuggestionInput.Forecast"/>, in units.
/// </param>
public sealed record ForecastQuantileSafetyStock(IReadOnlyList<double> QuantilePerPeriod) : SafetyStockMethod
{
    /// <inheritdoc />
    public override string Name => "forecast quantile";
}
