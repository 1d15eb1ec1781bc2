namespace NexGen.Core.Replenishment;

/// <summary>The kinds of <see cref="ReplenishmentAlert"/>, as stored and exported.</summary>
public static class AlertKinds
{
    /// <summary>Inventory position minus the forecast over the lead time is below zero: a stock-out before an order can arrive.</summary>
    public const string Stockout = "stockout";
    /// <summary>Projected stock at the end of the lead time is below the safety stock.</summary>
    public const string LowStock = "low_stock";
    /// <summary>Cover (inventory position / mean forecast per day) is above the overstock limit.</summary>
    public const string Overstock = "overstock";
    /// <summary>Stock on hand and no sale for at least the dead-stock limit.</summary>
    public const string DeadStock = "dead_stock";
    /// <summary>No inventory snapshot at or before the as-of date: no suggestion.</summary>
    public const string MissingInventory = "missing_inventory";
    /// <summary>The inventory snapshot is older than the stale-inventory limit.</summary>
    public const string StaleInventory = "stale_inventory";
    /// <summary>Neither the products table nor an override gives a lead time: the default was used.</summary>
    public const string MissingLeadTime = "missing_lead_time";
    /// <summary>The effective parameters contradict each other: no suggestion.</summary>
    public const string InvalidParameters = "invalid_parameters";
    /// <summary>The forecast does not reach past lead time + review period: no suggestion.</summary>
    public const string ShortForecast = "short_forecast";

    /// <summary>A supplier's suggested order for a location is worth less than its minimum order value (sku empty).</summary>
    public const string BelowSupplierMinimum = "below_supplier_minimum";
}
