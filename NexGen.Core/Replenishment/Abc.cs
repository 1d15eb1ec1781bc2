namespace NexGen.Core.Replenishment;

/// <summary>
/// ABC classification by sales value (DOMAIN.md "Classification"): items sorted by value descending; cumulative share
/// up to the A cut-off (0.80) -> A, up to the B cut-off (0.95) -> B, the rest C.
/// </summary>
public static class Abc
{
    // Cumulative shares are ratios of sums that may land a rounding error above a cut-off they equal exactly.
    const double ShareTolerance = 1e-9;

    /// <summary>
    /// Classifies items by their share of total sales value. The cumulative share counts the item itself, so an item
    /// that takes the running total past the A cut-off is B (literal DOMAIN.md rule; a single item holding 90 % of
    /// value is B under the default cut-offs). Ties in value rank by key, ordinal, so results never depend on input order.
    /// </summary>
    /// <param name="items">One entry per item, keys unique; sales value over the last year.</param>
    /// <param name="options">Cut-offs; defaults 0.80 / 0.95.</param>
    /// <returns>The items in rank order (value descending, then key ordinal). All C when total value is 0.</returns>
    public static IReadOnlyList<AbcItem> Classify(IReadOnlyList<ItemSalesValue> items, ClassificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        options ??= new ClassificationOptions();
        options.Validate();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!double.IsFinite(item.SalesValue))
                throw new ArgumentException($"Item '{item.Key}' has sales value {item.SalesValue}; it must be a finite number.", nameof(items));
            if (!keys.Add(item.Key))
                throw new ArgumentException($"Item '{item.Key}' appears more than once.", nameof(items));
        }

        var ranked = items
            .Select(i => i with { SalesValue = Math.Max(0, i.SalesValue) })
            .OrderByDescending(i => i.SalesValue)
            .ThenBy(i => i.Key, StringComparer.Ordinal)
            .ToArray();
        var total = ranked.Sum(i => i.SalesValue);
        var result = new AbcItem[ranked.Length];
        var running = 0.0;
        for (var i = 0; i < ranked.Length; i++)
        {
            var value = ranked[i].SalesValue;
            running += value;
            var share = total > 0 ? value / total : 0;
            var cumulative = total > 0 ? running / total : 1;
            var cls = cumulative <= options.ACutoff + ShareTolerance ? AbcClass.A
                : cumulative <= options.BCutoff + ShareTolerance ? AbcClass.B
                : AbcClass.C;
            result[i] = new AbcItem(ranked[i].Key, value, share, cumulative, cls);
        }
        return result;
    }
}
