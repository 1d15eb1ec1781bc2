namespace NexGen.Core.Replenishment.Simulation;

/// <summary>One location x sku to simulate, with the parameters both policies use. Time in periods of the panel's grain.</summary>
/// <param name="Series">The series' index in the panel.</param>
/// <param name="LeadTime">L: whole periods from order to receipt, &gt;= 0 (an order placed at the end of period t can serve demand from period t + L + 1).</param>
/// <param name="ReviewPeriod">R: periods between reviews of the periodic policies, &gt;= 1.</param>
/// <param name="Policy">NexGen's policy for this item.</param>
/// <param name="Constraints">Pack size, MOQ, maximum order quantity, maximum stock: applied to both policies' orders.</param>
/// <param name="UnitCost">Cost per unit in currency, for the inventory value; null when unknown.</param>
public sealed record SimulatedItem(int Series, int LeadTime, int ReviewPeriod, ReplenishmentPolicy Policy, OrderConstraints Constraints, double? UnitCost);
