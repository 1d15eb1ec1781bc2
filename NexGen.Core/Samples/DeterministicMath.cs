namespace NexGen.Core.Samples;

/// <summary>
/// Exp and Log built only from IEEE-754 +, -, *, / and exact scaling, so the generator gives the same bits on every
/// OS and CPU. Math.Exp and Math.Log call the platform's libm, which may differ in the last bit between glibc,
/// the Windows CRT and Apple's libm; one such bit can flip a sampled quantity and break the committed samples.
/// </summary>
internal static class DeterministicMath
{
    // fdlibm's split of ln 2: the high part has 32 trailing zero bits, so k * Ln2Hi is exact for |k| < 2^20.
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Log2E = 1.44269504088896338700e+00;
    private const double Sqrt2 = 1.41421356237309504880;

    /// <summary>e^x, relative error below 1e-15.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x > 709.0)
        {
            return double.PositiveInfinity;
        }

        if (x < -745.0)
        {
            return 0.0;
        }

        double k = Math.Round(x * Log2E);
        double r = (x - k * Ln2Hi) - k * Ln2Lo;

        // |r| <= 0.347: the Taylor series to r^14/14! is accurate to 1e-17.
        double p = 1.0 / 87178291200.0;
        p = p * r + 1.0 / 6227020800.0;
        p = p * r + 1.0 / 479001600.0;
        p = p * r + 1.0 / 39916800.0;
        p = p * r + 1.0 / 3628800.0;
        p = p * r + 1.0 / 362880.0;
        p = p * r + 1.0 / 40320.0;
        p = p * r + 1.0 / 5040.0;
        p = p * r + 1.0 / 720.0;
        p = p * r + 1.0 / 120.0;
        p = p * r + 1.0 / 24.0;
        p = p * r + 1.0 / 6.0;
        p = p * r + 0.5;
        p = p * r + 1.0;
        p = p * r + 1.0;
        return Math.ScaleB(p, (int)k);
    }

    /// <summary>Natural logarithm of a positive, normal x; relative error below 1e-15.</summary>
    public static double Log(double x)
    {
        if (!(x > 0.0) || double.IsPositiveInfinity(x))
        {
            return x == 0.0 ? double.NegativeInfinity : x > 0.0 ? x : double.NaN;
        }

        if (x < double.Epsilon * (1L << 52))
        {
            // Subnormal: scale by 2^54 into the normal range first (exact).
            return Log(x * 18014398509481984.0) - 54.0 * Ln2Hi - 54.0 * Ln2Lo;
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        int e = (int)((bits >> 52) & 0x7FF) - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e++;
        }

        // log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716: the odd series to s^19 is enough.
        double s = (m - 1.0) / (m + 1.0);
        double s2 = s * s;
        double p = 1.0 / 19.0;
        p = p * s2 + 1.0 / 17.0;
        p = p * s2 + 1.0 / 15.0;
        p = p * s2 + 1.0 / 13.0;
        p = p * s2 + 1.0 / 11.0;
        p = p * s2 + 1.0 / 9.0;
        p = p * s2 + 1.0 / 7.0;
        p = p * s2 + 1.0 / 5.0;
        p = p * s2 + 1.0 / 3.0;
        p = p * s2 + 1.0;
        double logM = 2.0 * s * p;
        return e * Ln2Hi + (logM + e * Ln2Lo);
    }

    /// <summary>x^y for positive x.</summary>
    public static double Pow(double x, double y) => Exp(y * Log(x));
}
