namespace NexGen.Core.Store;

/// <summary>
/// A model's prediction-interval calibration: per group of series by volume, per quantile level (e.g. 0.1, 0.5, 0.9,
/// 0.95), the conformal quantile of residuals divided by each series' own error scale, for horizons 1 .. H (index
/// h - 1). A series' quantile forecast is point + offset x its error scale, with the offsets of the group its scale
/// falls in (<see cref="Forecasting.SeriesErrorScale"/>).
/// </summary>
public sealed record ModelIntervals(IReadOnlyList<double> Levels, IReadOnlyList<ModelIntervals.Group> Groups)
{
    /// <summary>Series whose scale (mean demand per period) is at least <paramref name="ScaleFrom"/> and below the next group's.</summary>
    /// <param name="Offsets">One array per level, index h - 1.</param>
    public sealed record Group(double ScaleFrom, IReadOnlyList<double[]> Offsets);

    /// <summary>Horizons covered: the length of each level's offsets (0 when there are none).</summary>
    public int Horizon => Groups.Count == 0 || Groups[0].Offsets.Count == 0 ? 0 : Groups[0].Offsets[0].Length;

    /// <summary>The offsets of the group a series of this scale falls in.</summary>
    public IReadOnlyList<double[]> OffsetsFor(double scale)
    {
        var group = Groups[0];
        foreach (var g in Groups)
            if (scale >= g.ScaleFrom)
                group = g;
        return group.Offsets;
    }

    /// <summary>The same calibration cut to the first <paramref name="horizon"/> periods.</summary>
    public ModelIntervals Take(int horizon) =>
        this with { Groups = Groups.Select(g => g with { Offsets = g.Offsets.Select(o => o[..horizon]).ToList() }).ToList() };
}
