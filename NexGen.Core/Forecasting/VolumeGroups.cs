namespace NexGen.Core.Forecasting;

/// <summary>
/// Series pooled with others of their size (volume): the lower scale bounds of up to a number of groups of equal count,
/// split at quantiles of the scale. Used by the intervals and by the error profile, so both pool the same way.
/// </summary>
public static class VolumeGroups
{
    /// <summary>
    /// The groups' lower bounds, ascending, the first 0: up to <paramref name="maxGroups"/> groups, fewer so that each
    /// has at least <paramref name="minPerGroup"/> of the scales. Splits fall where the scale changes, so ties stay in
    /// one group and no group is empty.
    /// </summary>
    /// <param name="sortedScales">One scale per pooled item (a series, or a series' error), ascending.</param>
    public static double[] Bounds(IReadOnlyList<double> sortedScales, int minPerGroup, int maxGroups)
    {
        if (sortedScales.Count == 0)
            return [0];
        var groups = Math.Clamp(sortedScales.Count / minPerGroup, 1, maxGroups);
        return [0, .. Enumerable.Range(1, groups - 1).Select(g => sortedScales[sortedScales.Count * g / groups]).Where(b => b > sortedScales[0]).Distinct()];
    }
}
