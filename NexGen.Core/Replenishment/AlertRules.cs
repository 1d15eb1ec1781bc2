using System.Globalization;

namespace NexGen.Core.Replenishment;

/// <summary>
/// The stock alerts of one series with a suggestion (data-problem alerts come from <see cref="ReplenishmentPlanner"/>).
/// Units are valued at the unit cost; an unknown unit cost values them at 0.
/// <list type="bullet">
/// <item>stockout (critical): inventory position IP = on hand + on order runs out within the lead time (IP &lt; D_L);
/// the date is the first period in which the cumulative forecast passes IP, the units IP falls short of D_L.</item>
/// <item>low_stock (warning): otherwise, projected stock at the lead time IP - D_L is below the safety stock; the
/// units are the gap.</item>
/// <item>dead_stock (warning): stock on hand and no sale for at least <see cref="ReplenishmentOptions.DeadStockDays"/>
/// (or none ever); the units are on hand.</item>
/// <item>overstock (info): otherwise, cover IP / (mean forecast per day) above
/// <see cref="ReplenishmentOptions.OverstockDays"/>; the units are IP beyond that many days of forecast.</item>
/// </list>
/// </summary>
public static class AlertRules
{
    /// <summary>The alerts of one planned series.</summary>
    /// <param name="line">The series' line; must carry a suggestion.</param>
    /// <param name="series">The series' data (forecast dates, last sale).</param>
    /// <param name="options">The overstock and dead-stock limits.</param>
    /// <param name="periodDays">Days per forecast period.</param>
    public static IEnumerable<ReplenishmentAlert> For(ReplenishmentLine line, SeriesData series, ReplenishmentOptions options, int periodDays)
    {
        var s = line.Suggestion ?? throw new ArgumentException("Stock alerts need a suggestion.", nameof(line));
        var cost = line.UnitCost;
        ReplenishmentAlert Alert(string kind, AlertSeverity severity, double units, string message, DateOnly? date = null) =>
            new(line.Location, line.Sku, kind, severity, message, units, cost, units * (cost ?? 0), date);

        if (s.ProjectedStockAtLeadTime < 0 && StockoutPeriod(s.InventoryPosition, series.Forecast) is { } t)
            yield return Alert(AlertKinds.Stockout, AlertSeverity.Critical, s.DemandOverLeadTime - s.InventoryPosition,
                $"Stock-out projected on {Date(series.Dates[t])}, within the lead time of {line.Parameters.LeadTimeDays.Value} days: " +
                $"inventory position {F(s.InventoryPosition)} against a forecast of {F(s.DemandOverLeadTime)}", series.Dates[t]);
        else if (s.ProjectedStockAtLeadTime < s.SafetyStock)
            yield return Alert(AlertKinds.LowStock, AlertSeverity.Warning, s.SafetyStock - s.ProjectedStockAtLeadTime,
                $"Projected stock {F(s.ProjectedStockAtLeadTime)} at the end of the lead time is below the safety stock {F(s.SafetyStock)}");

        var onHand = line.OnHand ?? 0;
        var asOf = line.InventoryAsOf!.Value;
        var idle = series.LastSale is { } last ? asOf.DayNumber - last.DayNumber : (int?)null;
        if (onHand > 0 && (idle is null || idle >= options.DeadStockDays))
        {
            yield return Alert(AlertKinds.DeadStock, AlertSeverity.Warning, onHand, idle is { } days
                ? $"No sale for {days} days (last on {Date(series.LastSale!.Value)}) with {F(onHand)} on hand"
                : $"No sale ever recorded with {F(onHand)} on hand");
            yield break;
        }

        var perDay = series.Forecast.Count == 0 ? 0 : series.Forecast.Average() / periodDays;
        var ip = s.InventoryPosition;
        if (ip > 0 && (perDay <= 0 || ip / perDay > options.OverstockDays))
            yield return Alert(AlertKinds.Overstock, AlertSeverity.Info, ip - perDay * options.OverstockDays, perDay > 0
                ? $"{F(ip / perDay)} days of cover (inventory position {F(ip)} at {F(perDay)} a day) is above the {options.OverstockDays}-day limit"
                : $"Inventory position {F(ip)} with no forecast demand");
    }

    /// <summary>The first period in which the cumulative forecast exceeds IP; null when none.</summary>
    static int? StockoutPeriod(double inventoryPosition, IReadOnlyList<double> forecast)
    {
        var cumulative = 0.0;
        for (var t = 0; t < forecast.Count; t++)
        {
            cumulative += forecast[t];
            if (cumulative > inventoryPosition)
                return t;
        }
        return null;
    }

    static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string F(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }
}
