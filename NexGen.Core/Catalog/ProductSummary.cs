using NexGen.Core.Replenishment;

namespace NexGen.Core.Catalog;

/// <summary>
/// One location x SKU as the product list shows it. "Last 4 weeks" is the 28 days up to the last sales date of the
/// store (4 weekly periods or 28 daily ones); quantities in sales units, values in currency.
/// </summary>
/// <param name="Name">Product name from the products table, if known.</param>
/// <param name="Category">Product category, if known.</param>
/// <param name="UnitsLast4Weeks">Units sold in the last 4 weeks (returns net off).</param>
/// <param name="ValueLast4Weeks">Sales value of the last 4 weeks: units x the sale's price, else the product's unit price; null when neither is known.</param>
/// <param name="UnitsPrevious4Weeks">Units sold in the 4 weeks before those.</param>
/// <param name="Trend">Units of the last 4 weeks against the 4 before, as a ratio (0.10 = 10 % up); null when the 4 before sold nothing.</param>
/// <param name="OnHand">Units on hand at the latest inventory date, if any inventory is known.</param>
/// <param name="ForecastNext4Weeks">Units forecast for the first 28 days of the latest succeeded forecast run; null when the run has no forecast for the series.</param>
/// <param name="Abc">ABC class by sales value over the last year, among all location x SKU.</param>
/// <param name="Xyz">XYZ class by the coefficient of variation of units per period over the last year.</param>
/// <param name="Alert">The most severe alert of the series in the latest replenishment run; null when it has none (or no run was made).</param>
/// <param name="AlertMessage">The message of the series' first alert in that run's ranking (severity, then value at risk).</param>
public sealed record ProductSummary(
    string Location,
    string Sku,
    string? Name,
    string? Category,
    double UnitsLast4Weeks,
    double? ValueLast4Weeks,
    double UnitsPrevious4Weeks,
    double? Trend,
    double? OnHand,
    double? ForecastNext4Weeks,
    AbcClass Abc,
    XyzClass Xyz,
    AlertSeverity? Alert = null,
    string? AlertMessage = null);
