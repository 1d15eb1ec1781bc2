namespace NexGen.Core.Forecasting;

/// <summary>Counts how often actuals fall at or below each quantile forecast, and inside the central interval.</summary>
sealed class CoverageCounter(IReadOnlyList<double> levels)
{
    readonly long[] _below = new long[levels.Count];
    readonly int _lower = IndexOf(levels, levels.Min());
    readonly int _upper = IndexOf(levels, levels.Where(l => l < 0.95).DefaultIfEmpty(levels.Max()).Max());
    long _inside;
    long _points;

    /// <summary>One series' actuals and its quantile forecasts (one array per level, same length).</summary>
    public void Add(ReadOnlySpan<double> actual, double[][] quantiles)
    {
        for (var h = 0; h < actual.Length; h++)
        {
            if (double.IsNaN(actual[h]) || double.IsNaN(quantiles[0][h]))
                continue;
            _points++;
            for (var l = 0; l < levels.Count; l++)
                if (actual[h] <= quantiles[l][h])
                    _below[l]++;
            if (quantiles[_lower][h] <= actual[h] && actual[h] <= quantiles[_upper][h])
                _inside++;
        }
    }

    public IntervalCoverage Result() => new(
        levels.Select((level, l) => (level, share: Share(_below[l]))).ToDictionary(x => x.level, x => x.share),
        levels[_lower], levels[_upper], Share(_inside), _points);

    double Share(long count) => _points == 0 ? double.NaN : (double)count / _points;

    static int IndexOf(IReadOnlyList<double> levels, double level)
    {
        for (var i = 0; i < levels.Count; i++)
            if (levels[i] == level)
                return i;
        return 0;
    }
}
