namespace NexGen.Core.Catalog;

/// <summary>
/// Sales of the last 4 weeks (the 28 days up to the store's last sales date) against the 4 weeks before and the same
/// 4 weeks a year (364 days) earlier. Units in sales units, values in currency (units x the sale's price, else the
/// product's unit price). A comparison is null when the store's history does not reach back over its whole window.
/// </summary>
/// <param name="LastDate">The store's last sales date (of any location); null when the store has no sales.</param>
/// <param name="Units">Units sold in the last 4 weeks.</param>
/// <param name="Value">Sales value of the last 4 weeks; null when no price is known.</param>
/// <param name="PreviousUnits">Units sold in the 4 weeks before.</param>
/// <param name="PreviousValue">Sales value of the 4 weeks before.</param>
/// <param name="LastYearUnits">Units sold in the same 4 weeks a year earlier.</param>
/// <param name="LastYearValue">Sales value of the same 4 weeks a year earlier.</param>
public sealed record SalesKpis(
    DateOnly? LastDate,
    double Units,
    double? Value,
    double? PreviousUnits,
    double? PreviousValue,
    double? LastYearUnits,
    double? LastYearValue);
