namespace NexGen.Core.Replenishment.Simulation;

/// <summary>
/// What a policy achieved over the simulated window (DOMAIN.md "Inventory"). Quantities in units, inventory value in
/// currency, time in periods.
/// </summary>
/// <param name="Demand">Units demanded.</param>
/// <param name="Served">Units served from stock (the rest is lost).</param>
/// <param name="Cycles">Replenishment cycles that ended inside the window.</param>
/// <param name="CyclesWithStockOut">Of those, cycles with at least one period of unmet demand.</param>
/// <param name="StockOutPeriods">Series x periods with unmet demand.</param>
/// <param name="AverageInventory">Mean on hand at the end of a period, in units (summed over series).</param>
/// <param name="AverageInventoryValue">The same at unit cost, in currency; null when no simulated item has a unit cost.</param>
/// <param name="Orders">Order lines placed.</param>
/// <param name="MeanDemand">Mean demand per period, in units (summed over series), to express inventory as periods of cover.</param>
public sealed record SimulationMetrics(
    double Demand,
    double Served,
    int Cycles,
    int CyclesWithStockOut,
    int StockOutPeriods,
    double AverageInventory,
    double? AverageInventoryValue,
    int Orders,
    double MeanDemand)
{
    /// <summary>Fill rate: share of demand served from stock, as a probability; 1 when there was no demand.</summary>
    public double FillRate => Demand > 0 ? Served / Demand : 1;

    /// <summary>Cycle service level: share of replenishment cycles without a stock-out; NaN when no cycle ended.</summary>
    public double CycleServiceLevel => Cycles > 0 ? 1 - (double)CyclesWithStockOut / Cycles : double.NaN;

    /// <summary>Average inventory in periods of mean demand; NaN when there was no demand.</summary>
    public double Cover => MeanDemand > 0 ? AverageInventory / MeanDemand : double.NaN;

    /// <summary>Metrics of several series together (sums; rates follow from the sums).</summary>
    public static SimulationMetrics Sum(IEnumerable<SimulationMetrics> parts)
    {
        var list = parts.ToList();
        var values = list.Where(m => m.AverageInventoryValue is not null).ToList();
        return new SimulationMetrics(
            list.Sum(m => m.Demand), list.Sum(m => m.Served), list.Sum(m => m.Cycles), list.Sum(m => m.CyclesWithStockOut),
            list.Sum(m => m.StockOutPeriods), list.Sum(m => m.AverageInventory),
            values.Count == 0 ? null : values.Sum(m => m.AverageInventoryValue!.Value), list.Sum(m => m.Orders), list.Sum(m => m.MeanDemand));
    }
}
