namespace NexGen.Core.Replenishment;

/// <summary>
/// How <see cref="ReplenishmentCalculator"/> sizes safety stock: <see cref="EmpiricalSafetyStock"/> (the default the
/// issue asks for, from backtest errors), <see cref="ForecastQuantileSafetyStock"/> (from the forecast's quantiles) or
/// <see cref="NormalSafetyStock"/> (the classic normal approximation).
/// </summary>
public abstract record SafetyStockMethod
{
    /// <summary>A short name for explanations and exports, e.g. "empirical".</summary>
    public abstract string Name { get; }
}
