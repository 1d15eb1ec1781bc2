namespace NexGen.Core.Replenishment;

/// <summary>
/// Everything the store holds about one location x sku that replenishment reads, as of one date. Quantities in units,
/// demand statistics per period of the forecast's grain.
/// </summary>
public sealed record SeriesData
{
    /// <summary>The location.</summary>
    public required string Location { get; init; }

    /// <summary>The sku.</summary>
    public required string Sku { get; init; }

    /// <summary>The product's own parameters from the products table (all null when it has no row).</summary>
    public required ProductParameters Product { get; init; }

    /// <summary>The product's supplier, or null.</summary>
    public string? Supplier { get; init; }

    /// <summary>Cost of one unit in currency, or null.</summary>
    public double? UnitCost { get; init; }

    /// <summary>Date of the latest inventory snapshot at or before the as-of date; null when there is none.</summary>
    public DateOnly? InventoryAsOf { get; init; }

    /// <summary>Units on hand in that snapshot; null when there is none.</summary>
    public double? OnHand { get; init; }

    /// <summary>Units on order in that snapshot (inventory.on_order, null read as 0).</summary>
    public double OnOrder { get; init; }

    /// <summary>
    /// Units on approved or exported purchase-order lines approved on or after the snapshot's date, which the snapshot
    /// cannot know about yet.
    /// </summary>
    public double OpenPurchaseOrders { get; init; }

    /// <summary>Sales value over the year up to the as-of date, in currency (units where no price is known); the ABC input.</summary>
    public double SalesValue { get; init; }

    /// <summary>Mean sales per period over that year (periods before the first sale left out); the XYZ input.</summary>
    public double DemandMean { get; init; }

    /// <summary>Population standard deviation of sales per period over the same periods.</summary>
    public double DemandSd { get; init; }

    /// <summary>Date of the last sale (quantity &gt; 0) at or before the as-of date; null when there is none.</summary>
    public DateOnly? LastSale { get; init; }

    /// <summary>
    /// The series' mean demand per period at the forecast's cutoff (forecast_scales), which turns the run's
    /// normalised error profile into units; null when the run stored none.
    /// </summary>
    public double? Scale { get; init; }

    /// <summary>
    /// The series' error scale at the forecast's cutoff (forecast_scales), in units per period: the unit of the run's
    /// error profile; null when the run stored none.
    /// </summary>
    public double? ErrorScale { get; init; }

    /// <summary>Dates of the forecast periods after the as-of date, the next one first.</summary>
    public required IReadOnlyList<DateOnly> Dates { get; init; }

    /// <summary>Point forecast per period, aligned with <see cref="Dates"/>, in units.</summary>
    public required IReadOnlyList<double> Forecast { get; init; }

    /// <summary>Forecast median per period; NaN where the forecast has none.</summary>
    public required IReadOnlyList<double> P50 { get; init; }

    /// <summary>Forecast 90th percentile per period; NaN where the forecast has none.</summary>
    public required IReadOnlyList<double> P90 { get; init; }

    /// <summary>Forecast 95th percentile per period; NaN where the forecast has none.</summary>
    public required IReadOnlyList<double> P95 { get; init; }
}
