namespace NexGen.Core.Replenishment;

/// <summary>
/// Safety factors for a cycle service level (DOMAIN.md "Inventory"): z is the inverse standard normal CDF at the level,
/// so 0.90 -> 1.2816, 0.95 -> 1.6449, 0.98 -> 2.0537, 0.99 -> 2.3263.
/// </summary>
public static class ServiceLevels
{
    // Acklam's rational approximation of the inverse normal CDF: relative error below 1.15e-9 over (0, 1), far inside
    // the 1e-6 a safety factor needs, without the erfc a refinement step would require (.NET has none).
    static readonly double[] A =
        [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    static readonly double[] B =
        [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    static readonly double[] C =
        [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    static readonly double[] D =
        [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
    const double LowTail = 0.02425;

    /// <summary>The safety factor z for a cycle service level: the standard normal quantile at that probability.</summary>
    /// <param name="serviceLevel">Cycle service level as a probability in (0, 1), e.g. 0.95.</param>
    /// <returns>z, dimensionless (0 at 0.5, negative below it).</returns>
    public static double Z(double serviceLevel)
    {
        Validate(serviceLevel, nameof(serviceLevel));
        var p = serviceLevel;
        if (p < LowTail)
            return Tail(p);
        if (p > 1 - LowTail)
            return -Tail(1 - p);
        var q = p - 0.5;
        var r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }

    /// <summary>Throws unless <paramref name="serviceLevel"/> is a probability strictly between 0 and 1.</summary>
    /// <param name="serviceLevel">Cycle service level as a probability.</param>
    /// <param name="name">The argument name to report.</param>
    public static void Validate(double serviceLevel, string name)
    {
        if (!(serviceLevel > 0 && serviceLevel < 1))
            throw new ArgumentOutOfRangeException(name, serviceLevel, "A service level is a probability strictly between 0 and 1, e.g. 0.95.");
    }

    // Lower tail p < 0.02425; the upper tail uses the symmetry z(p) = -z(1 - p).
    static double Tail(double p)
    {
        var q = Math.Sqrt(-2 * Math.Log(p));
        return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
}
