namespace NexGen.Core.Replenishment;

/// <summary>Inputs of the economic order quantity EOQ = sqrt(2 D K / H), H = unit cost x holding rate.</summary>
/// <param name="AnnualDemand">D: demand per year, in units.</param>
/// <param name="CostPerOrder">K: fixed cost of placing one order, in currency.</param>
/// <param name="UnitCost">Cost of one unit, in currency.</param>
/// <param name="HoldingRatePerYear">Holding cost as a fraction of unit cost per year, e.g. 0.25.</param>
public sealed record EoqParameters(double AnnualDemand, double CostPerOrder, double UnitCost, double HoldingRatePerYear)
{
    /// <summary>H: holding cost per unit per year, in currency.</summary>
    public double HoldingCostPerUnitPerYear => UnitCost * HoldingRatePerYear;

    /// <summary>EOQ = sqrt(2 D K / H), in units (not rounded).</summary>
    public double Quantity
    {
        get
        {
            if (!(AnnualDemand >= 0 && CostPerOrder >= 0 && double.IsFinite(AnnualDemand) && double.IsFinite(CostPerOrder)))
                throw new ArgumentOutOfRangeException(nameof(AnnualDemand), "Annual demand and cost per order must be finite numbers >= 0.");
            var h = HoldingCostPerUnitPerYear;
            if (!(h > 0 && double.IsFinite(h)))
                throw new ArgumentOutOfRangeException(nameof(HoldingRatePerYear), h, "Holding cost per unit per year (unit cost x rate) must be > 0.");
            return Math.Sqrt(2 * AnnualDemand * CostPerOrder / h);
        }
    }
}
