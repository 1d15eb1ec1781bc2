namespace NexGen.Core.Catalog;

/// <summary>
/// Sales of one location x SKU over a period and over the equally long period before it. Units in sales units,
/// values in currency (null when no price is known); a period without sales counts 0 units.
/// </summary>
public sealed record SeriesSales(
    string Location,
    string Sku,
    string? Name,
    double Units,
    double? Value,
    double PreviousUnits,
    double? PreviousValue)
{
    /// <summary>The period's figure in <paramref name="measure"/>.</summary>
    public double? Current(SalesMeasure measure) => measure == SalesMeasure.Units ? Units : Value;

    /// <summary>The period's figure less the period before's, in <paramref name="measure"/> (an unknown value counts 0).</summary>
    public double Change(SalesMeasure measure) => measure == SalesMeasure.Units
        ? Units - PreviousUnits
        : (Value ?? 0) - (PreviousValue ?? 0);
}
