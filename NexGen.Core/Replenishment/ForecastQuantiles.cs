namespace NexGen.Core.Replenishment;

/// <summary>
/// The forecast's demand quantile at any service level from the levels the store keeps (p50, p90, p95): linear in
/// the normal score z between the two stored levels around it, or along the last two stored levels beyond them. So
/// q(0.98) from p90 = 120 and p95 = 130 is 130 + 10 x (z(0.98) - z(0.95)) / (z(0.95) - z(0.90)) = 130 + 10 x 0.4088 / 0.3633 = 141.25.
/// </summary>
public static class ForecastQuantiles
{
    static readonly double[] StoredLevels = [0.5, 0.9, 0.95];

    /// <summary>The a-quantile of one period's demand, in units, at least 0.</summary>
    /// <param name="level">The service level a as a probability in (0, 1).</param>
    /// <param name="p50">The stored median, NaN when missing.</param>
    /// <param name="p90">The stored 90th percentile, NaN when missing.</param>
    /// <param name="p95">The stored 95th percentile, NaN when missing.</param>
    /// <returns>The quantile; NaN when fewer than two stored levels are known.</returns>
    public static double At(double level, double p50, double p90, double p95)
    {
        ServiceLevels.Validate(level, nameof(level));
        Span<double> values = [p50, p90, p95];
        Span<int> known = stackalloc int[3];
        var n = 0;
        for (var i = 0; i < 3; i++)
            if (double.IsFinite(values[i]))
                known[n++] = i;
        if (n < 2)
            return double.NaN;
        // The bracket around the level, or the nearest segment when it lies outside the stored levels.
        var upper = 1;
        while (upper < n - 1 && StoredLevels[known[upper]] < level)
            upper++;
        int lo = known[upper - 1], hi = known[upper];
        var zLo = ServiceLevels.Z(StoredLevels[lo]);
        var zHi = ServiceLevels.Z(StoredLevels[hi]);
        var q = values[lo] + (values[hi] - values[lo]) * (ServiceLevels.Z(level) - zLo) / (zHi - zLo);
        return Math.Max(0, q);
    }
}
