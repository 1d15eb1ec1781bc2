namespace NexGen.Core.Samples;

/// <summary>
/// xoshiro256** seeded through SplitMix64 from (seed, stream, a, b), plus the few distributions the generator needs.
/// One instance per location x SKU (or per SKU, per location) makes each series independent of the others and of
/// thread scheduling, and keeps the bits identical across .NET versions (System.Random's algorithm is not a contract).
/// </summary>
internal sealed class SampleRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    private SampleRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>A generator for one purpose (<paramref name="stream"/>) of one entity (<paramref name="a"/>, <paramref name="b"/>).</summary>
    public static SampleRandom For(int seed, RandomStream stream, int a = 0, int b = 0)
    {
        ulong h = Mix((ulong)(uint)seed + 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ (ulong)stream);
        h = Mix(h ^ ((ulong)(uint)a << 1));
        h = Mix(h ^ ((ulong)(uint)b << 2));
        return new SampleRandom(h);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in (0, 1], safe to take the log of.</summary>
    public double NextPositiveDouble() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public double NextDouble(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary>Uniform integer in [min, maxInclusive].</summary>
    public int NextInt(int min, int maxInclusive) => min + NextInt(maxInclusive - min + 1);

    /// <summary>Log-uniform in [min, max): as many values per decade.</summary>
    public double NextLogUniform(double min, double max) =>
        min * DeterministicMath.Exp(NextDouble() * DeterministicMath.Log(max / min));

    public bool NextBool(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(items.Count)];

    /// <summary>Standard normal, Marsaglia's polar method (log and sqrt only).</summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);

        double f = Math.Sqrt(-2.0 * DeterministicMath.Log(s) / s);
        _spareNormal = v * f;
        _hasSpareNormal = true;
        return u * f;
    }

    /// <summary>Gamma with the given shape and scale (mean = shape x scale), Marsaglia-Tsang.</summary>
    public double NextGamma(double shape, double scale)
    {
        if (shape < 1.0)
        {
            // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a).
            double boost = DeterministicMath.Exp(DeterministicMath.Log(NextPositiveDouble()) / shape);
            return NextGamma(shape + 1.0, scale) * boost;
        }

        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1.0 + c * x;
            }
            while (v <= 0.0);

            v = v * v * v;
            double u = NextPositiveDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2)
            {
                return d * v * scale;
            }

            if (DeterministicMath.Log(u) < 0.5 * x2 + d * (1.0 - v + DeterministicMath.Log(v)))
            {
                return d * v * scale;
            }
        }
    }

    /// <summary>Poisson with mean <paramref name="lambda"/>: inversion for small means, PTRS (Hoermann 1993) above.</summary>
    public int NextPoisson(double lambda)
    {
        if (!(lambda > 0.0))
        {
            return 0;
        }

        if (lambda < 10.0)
        {
            double p = DeterministicMath.Exp(-lambda);
            double cdf = p;
            double u = NextDouble();
            int k = 0;
            while (u > cdf && k < 1000)
            {
                k++;
                p *= lambda / k;
                cdf += p;
            }

            return k;
        }

        double slam = Math.Sqrt(lambda);
        double logLambda = DeterministicMath.Log(lambda);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2.0);
        while (true)
        {
            double u = NextDouble() - 0.5;
            double v = NextPositiveDouble();
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((2.0 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return (int)k;
            }

            if (k < 0.0 || (us < 0.013 && v > us))
            {
                continue;
            }

            double lhs = DeterministicMath.Log(v) + DeterministicMath.Log(invAlpha) - DeterministicMath.Log(a / (us * us) + b);
            double rhs = -lambda + k * logLambda - LogGamma(k + 1.0);
            if (lhs <= rhs)
            {
                return (int)k;
            }
        }
    }

    /// <summary>
    /// Negative binomial as a gamma-Poisson mixture: mean <paramref name="mean"/>, variance mean + mean^2 / dispersion.
    /// Small dispersion means overdispersed (lumpy) demand; large dispersion tends to Poisson.
    /// </summary>
    public int NextNegativeBinomial(double mean, double dispersion) =>
        mean > 0.0 ? NextPoisson(NextGamma(dispersion, mean / dispersion)) : 0;

    private static readonly double[] StirlingCoefficients =
    [
        8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
        8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
        1.796443723688307e-01, -1.39243221690590e+00,
    ];

    /// <summary>ln Gamma(x) for x >= 1 (Stirling series after shifting x to at least 7).</summary>
    private static double LogGamma(double x)
    {
        if (x == 1.0 || x == 2.0)
        {
            return 0.0;
        }

        int n = x < 7.0 ? (int)(7.0 - x) : 0;
        double x0 = x + n;
        double x2 = 1.0 / (x0 * x0);
        double series = StirlingCoefficients[9];
        for (int k = 8; k >= 0; k--)
        {
            series = series * x2 + StirlingCoefficients[k];
        }

        const double HalfLogTwoPi = 0.91893853320467274178;
        double result = series / x0 + HalfLogTwoPi + (x0 - 0.5) * DeterministicMath.Log(x0) - x0;
        for (int k = 1; k <= n; k++)
        {
            x0 -= 1.0;
            result -= DeterministicMath.Log(x0);
        }

        return result;
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
