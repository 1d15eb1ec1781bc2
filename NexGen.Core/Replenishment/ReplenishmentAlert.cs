namespace NexGen.Core.Replenishment;

/// <summary>
/// Something a planner should look at for one location x sku, with the money it puts at risk.
/// </summary>
/// <param name="Location">The location.</param>
/// <param name="Sku">The sku.</param>
/// <param name="Kind">One of <see cref="AlertKinds"/>.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Message">One line naming the numbers behind it.</param>
/// <param name="Units">Units at risk: units short (stock-out, low stock), units in excess (overstock), units on hand
/// (dead stock), or the forecast demand over lead time + review period that depends on the faulty data (data problems).</param>
/// <param name="UnitCost">Cost of one unit in currency; null when the products table has none.</param>
/// <param name="ValueAtRisk">Units x unit cost in currency; 0 when the unit cost is unknown.</param>
/// <param name="Date">The projected stock-out date for a stock-out, the inventory snapshot date for stale inventory, else null.</param>
public sealed record ReplenishmentAlert(
    string Location,
    string Sku,
    string Kind,
    AlertSeverity Severity,
    string Message,
    double Units,
    double? UnitCost,
    double ValueAtRisk,
    DateOnly? Date = null);
