namespace NexGen.Core.Features;

/// <summary>
/// Demand summed over every location of a SKU per period, with running sums for window means. One store's department
/// is noisy; the same department over all stores shows which of last year's peaks were the calendar's (they repeat)
/// and which were one store's accident (they do not), as the Walmart competition's winners found by smoothing across
/// stores.
/// </summary>
public sealed class PanelAggregates
{
    readonly int _periods;
    readonly int[] _skuOf;

    /// <summary>Per SKU, sums[sku * (periods + 1) + t] = its demand over periods 0 .. t - 1.</summary>
    readonly double[] _sums;

    public PanelAggregates(SalesPanel panel)
    {
        _periods = panel.Periods;
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        _skuOf = panel.Series.Select(s => codes.TryGetValue(s.Sku, out var code) ? code : codes[s.Sku] = codes.Count).ToArray();
        _sums = new double[codes.Count * (_periods + 1)];
        var demand = new double[codes.Count * _periods];
        foreach (var s in panel.Series)
        {
            var values = panel.DemandOf(s.Index);
            var row = _skuOf[s.Index] * _periods;
            for (var t = s.First; t < _periods; t++)
                if (!float.IsNaN(values[t]))
                    demand[row + t] += values[t];
        }
        for (var sku = 0; sku < codes.Count; sku++)
            for (var t = 0; t < _periods; t++)
                _sums[sku * (_periods + 1) + t + 1] = _sums[sku * (_periods + 1) + t] + demand[sku * _periods + t];
    }

    /// <summary>
    /// The demand of the series' SKU over all locations at period <paramref name="t"/> relative to its mean over the
    /// <paramref name="window"/> periods ending at the origin; NaN when unknown. Never reads after the origin.
    /// </summary>
    public float SkuRelative(int series, int origin, int t, int window)
    {
        if (t > origin)
            throw new InvalidOperationException($"Feature leak: period {t} is after the origin {origin}.");
        var mean = Mean(_skuOf[series], origin - window + 1, origin);
        return t >= 0 && mean > 0 ? (float)Math.Min(Mean(_skuOf[series], t, t) / mean, FeatureBuilder.MaxScaled) : float.NaN;
    }

    /// <summary>
    /// The SKU's mean over the <paramref name="recent"/> periods ending at the origin relative to the same periods
    /// <paramref name="year"/> periods earlier (capped at 10); NaN when unknown.
    /// </summary>
    public float SkuGrowth(int series, int origin, int recent, int year)
    {
        if (origin - year - recent + 1 < 0)
            return float.NaN;
        var before = Mean(_skuOf[series], origin - year - recent + 1, origin - year);
        return before > 0 ? (float)Math.Min(Mean(_skuOf[series], origin - recent + 1, origin) / before, 10) : float.NaN;
    }

    /// <summary>The SKU's mean demand over periods <paramref name="from"/>..<paramref name="to"/> (clipped at 0).</summary>
    double Mean(int sku, int from, int to)
    {
        from = Math.Max(from, 0);
        var offset = sku * (_periods + 1);
        return (_sums[offset + to + 1] - _sums[offset + from]) / (to - from + 1);
    }
}
