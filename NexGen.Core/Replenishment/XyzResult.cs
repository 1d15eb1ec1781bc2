namespace NexGen.Core.Replenishment;

/// <summary>One series' XYZ class with the statistics behind it.</summary>
/// <param name="Class">X when CV is below the X limit, Y when below the Y limit, else Z.</param>
/// <param name="Mean">Mean demand per period, in units (NaN periods left out).</param>
/// <param name="StandardDeviation">Population standard deviation of demand per period, in units.</param>
/// <param name="Cv">
/// Coefficient of variation, standard deviation / mean; <see cref="double.PositiveInfinity"/> when the mean is 0
/// (no demand is treated as the least predictable).
/// </param>
public sealed record XyzResult(XyzClass Class, double Mean, double StandardDeviation, double Cv);
