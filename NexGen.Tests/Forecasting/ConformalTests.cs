using NexGen.Core.Forecasting.Evaluation;

namespace NexGen.Tests.Forecasting;

public class ConformalTests
{
    const double N = double.NaN;

    // n = 9, unsorted; sorted: -6, -3, -1, 0, 2, 4, 5, 8, 12.
    static readonly double[] NineResiduals = [5, -3, 8, 0, 2, -1, 12, 4, -6];

    [Fact]
    public void LowerQuantileTakesTheFloorRank()
    {
        // p = 0.1: floor(10 * 0.1) = 1 -> 1st smallest = -6.  p = 0.3: floor(3) = 3 -> -1.
        Assert.Equal(-6, Conformal.Quantile(NineResiduals, 0.1), 10);
        Assert.Equal(-1, Conformal.Quantile(NineResiduals, 0.3), 10);
    }

    [Fact]
    public void UpperQuantileTakesTheCeilingRankClampedToN()
    {
        // p = 0.9: ceil(10 * 0.9) = 9 -> 9th smallest = 12.  p = 0.95: ceil(9.5) = 10, clamped to 9 -> 12.
        // p = 0.5: ceil(5) = 5 -> 2.  p = 0.7: ceil(7) = 7 -> 5.
        Assert.Equal(12, Conformal.Quantile(NineResiduals, 0.9), 10);
        Assert.Equal(12, Conformal.Quantile(NineResiduals, 0.95), 10);
        Assert.Equal(2, Conformal.Quantile(NineResiduals, 0.5), 10);
        Assert.Equal(5, Conformal.Quantile(NineResiduals, 0.7), 10);
    }

    [Fact]
    public void QuantileIgnoresNaNAndLeavesTheInputUnsorted()
    {
        // NaN dropped: still n = 9, so the same ranks as above.
        double[] residuals = [5, N, -3, 8, 0, 2, -1, 12, 4, -6, N];
        Assert.Equal(-6, Conformal.Quantile(residuals, 0.1), 10);
        Assert.Equal(12, Conformal.Quantile(residuals, 0.9), 10);
        Assert.Equal(5, residuals[0], 10);
        Assert.Equal(-6, residuals[9], 10);
    }

    [Fact]
    public void QuantileOfFewResidualsClampsToTheSmallestOrLargest()
    {
        // n = 3, p = 0.1: floor(0.4) = 0, clamped to 1 -> 1.  p = 0.9: ceil(3.6) = 4, clamped to 3 -> 7.
        double[] residuals = [7, 1, 4];
        Assert.Equal(1, Conformal.Quantile(residuals, 0.1), 10);
        Assert.Equal(7, Conformal.Quantile(residuals, 0.9), 10);
        Assert.Equal(0, Conformal.Quantile([], 0.9), 10);
        Assert.Equal(0, Conformal.Quantile([N], 0.1), 10);
    }

    [Fact]
    public void QuantileRankIsNotPushedOffByFloatingPointRounding()
    {
        // n = 99 residuals 1..99, p = 0.55: (n + 1) p = 55 exactly on paper (55.00000000000001 in doubles), so the
        // 55th smallest = 55, not 56.
        var residuals = new double[99];
        for (var i = 0; i < residuals.Length; i++)
            residuals[i] = 99 - i;
        Assert.Equal(55, Conformal.Quantile(residuals, 0.55), 10);
    }

    [Fact]
    public void CoverageIsTheShareOfKnownActualsAtOrBelowTheQuantile()
    {
        // Known points: 1 <= 2 yes, 5 <= 4 no, (NaN skipped), 3 <= 3 yes, 7 <= 10 yes -> 3 / 4 = 0.75.
        Assert.Equal(0.75, Conformal.Coverage([1, 5, N, 3, 7], [2, 4, 0, 3, 10]), 10);
        Assert.True(double.IsNaN(Conformal.Coverage([N], [1])));
    }

    [Fact]
    public void IntervalCoverageIsTheShareOfKnownActualsInsideTheBounds()
    {
        // 1 in [0, 2] yes; 5 in [4, 6] yes; NaN skipped; 3 in [3.5, 5] no; 7 in [8, 10] no -> 2 / 4 = 0.5.
        Assert.Equal(0.5, Conformal.IntervalCoverage([1, 5, N, 3, 7], [0, 4, 0, 3.5, 8], [2, 6, 1, 5, 10]), 10);
        // Bounds are inclusive: 2 in [2, 2].
        Assert.Equal(1, Conformal.IntervalCoverage([2], [2], [2]), 10);
    }
}
