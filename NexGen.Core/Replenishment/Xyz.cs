namespace NexGen.Core.Replenishment;

/// <summary>
/// XYZ classification by the coefficient of variation of demand per period (DOMAIN.md "Classification"):
/// CV &lt; 0.5 -> X, CV &lt; 1.0 -> Y, otherwise Z.
/// </summary>
public static class Xyz
{
    /// <summary>
    /// Classifies one series. CV = population standard deviation / mean (the same convention as the Syntetos-Boylan
    /// CV² in <c>DemandPattern</c>), over the periods with a known value.
    /// </summary>
    /// <param name="demandPerPeriod">
    /// Demand per period in units (or forecast errors, for XYZ by error), oldest first; NaN (censored or unknown)
    /// periods are left out.
    /// </param>
    /// <param name="options">Limits; defaults X &lt; 0.5, Y &lt; 1.0.</param>
    /// <returns>The class with mean, standard deviation and CV; Z with CV = +infinity when the mean is 0 or there is no known period.</returns>
    public static XyzResult Classify(IReadOnlyList<double> demandPerPeriod, ClassificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(demandPerPeriod);
        options ??= new ClassificationOptions();
        options.Validate();
        var n = 0;
        var sum = 0.0;
        foreach (var y in demandPerPeriod)
            if (!double.IsNaN(y))
            {
                n++;
                sum += y;
            }
        if (n == 0)
            return new XyzResult(XyzClass.Z, 0, 0, double.PositiveInfinity);
        var mean = sum / n;
        var squares = 0.0;
        foreach (var y in demandPerPeriod)
            if (!double.IsNaN(y))
                squares += (y - mean) * (y - mean);
        var sd = Math.Sqrt(squares / n);
        var cv = mean > 0 ? sd / mean : double.PositiveInfinity;
        return new XyzResult(ClassOf(cv, options), mean, sd, cv);
    }

    /// <summary>The class of a coefficient of variation: X below <see cref="ClassificationOptions.XLimit"/>, Y below <see cref="ClassificationOptions.YLimit"/>, else Z.</summary>
    /// <param name="cv">Coefficient of variation, dimensionless.</param>
    /// <param name="options">Limits; defaults 0.5 and 1.0.</param>
    public static XyzClass ClassOf(double cv, ClassificationOptions? options = null)
    {
        options ??= new ClassificationOptions();
        return cv < options.XLimit ? XyzClass.X : cv < options.YLimit ? XyzClass.Y : XyzClass.Z;
    }
}
