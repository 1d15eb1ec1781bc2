namespace NexGen.Core.Replenishment;

/// <summary>
/// Projected stock over the coming periods for the product page: stock on hand at the as-of date minus the cumulative
/// forecast, with and without the suggested order, which arrives after the lead time. Stock already on order is left
/// out, since the store does not know when it arrives. Quantities in units; periods of the forecast's grain.
/// </summary>
public static class StockProjection
{
    /// <summary>Projects stock from <paramref name="asOf"/> over every forecast period after it.</summary>
    /// <param name="asOf">The date stock was taken at: the starting point.</param>
    /// <param name="onHand">Units on hand at <paramref name="asOf"/>.</param>
    /// <param name="forecast">Forecast demand per period, by date; periods at or before <paramref name="asOf"/> are skipped.</param>
    /// <param name="leadTimePeriods">L in periods (may be fractional): the order placed at <paramref name="asOf"/> counts
    /// from the end of period ceil(L) on (at once when L is 0).</param>
    /// <param name="orderQuantity">Units ordered at <paramref name="asOf"/> (0 for none).</param>
    /// <returns>The starting point, then one point per forecast period, by date.</returns>
    public static IReadOnlyList<StockProjectionPoint> Project(DateOnly asOf, double onHand, IEnumerable<(DateOnly Date, double Forecast)> forecast,
        double leadTimePeriods, int orderQuantity)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentOutOfRangeException.ThrowIfNegative(leadTimePeriods);
        ArgumentOutOfRangeException.ThrowIfNegative(orderQuantity);
        // A lead time of 1.0000001 periods from a day count is 1 period, not 2.
        var arrival = (int)Math.Ceiling(leadTimePeriods - 1e-9);
        var points = new List<StockProjectionPoint> { new(asOf, 0, onHand, arrival == 0 ? onHand + orderQuantity : onHand) };
        var stock = onHand;
        var period = 0;
        foreach (var (date, demand) in forecast.Where(f => f.Date > asOf).OrderBy(f => f.Date))
        {
            period++;
            var value = double.IsFinite(demand) ? Math.Max(0, demand) : 0;
            stock -= value;
            points.Add(new StockProjectionPoint(date, value, stock, period >= arrival ? stock + orderQuantity : stock));
        }
        return points;
    }
}
