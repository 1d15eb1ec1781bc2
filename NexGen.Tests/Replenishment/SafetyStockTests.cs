using NexGen.Core.Replenishment;

namespace NexGen.Tests.Replenishment;

public class SafetyStockTests
{
    // Sorted: -6, -4, -3, -1, 0, 2, 4, 7, 9 (n = 9).
    static readonly double[] NineErrors = [4, -3, 9, 0, -6, 2, 7, -1, -4];

    [Fact]
    public void NormalSafetyStockAddsLeadTimeVariability()
    {
        // d = 10, sd_d = 3, L = 4, R = 1 -> P = 5, sd_L = 1, a = 0.95 -> z = 1.644854.
        // P sd_d² = 5 x 9 = 45; d² sd_L² = 100 x 1 = 100; sqrt(145) = 12.041595; SS = 1.644854 x 12.041595 = 19.8067.
        Assert.Equal(19.8067, SafetyStock.Normal(0.95, meanDemand: 10, demandSd: 3, protectionPeriods: 5, leadTimeSd: 1), 4);
    }

    [Fact]
    public void NormalSafetyStockWithAFixedLeadTimeIsZSigmaRootP()
    {
        // sd_L = 0: SS = 1.644854 x 3 x sqrt(5) = 1.644854 x 6.708204 = 11.0340.
        Assert.Equal(11.0340, SafetyStock.Normal(0.95, 10, 3, 5), 4);
    }

    [Theory]
    // (n + 1) a = 10 a: a = 0.8 -> 8th smallest = 7; a = 0.75 -> 7.5 -> 8th = 7; a = 0.7 -> 7th = 4;
    // a = 0.5 -> 5th = 0; a = 0.95 -> 9.5 -> 10th, clamped to the 9th = 9.
    [InlineData(0.8, 7)]
    [InlineData(0.75, 7)]
    [InlineData(0.7, 4)]
    [InlineData(0.5, 0)]
    [InlineData(0.95, 9)]
    public void EmpiricalSafetyStockIsTheConformalRankOfCumulativeErrors(double a, double expected)
    {
        Assert.Equal(expected, SafetyStock.Empirical(NineErrors, a), 10);
    }

    [Fact]
    public void EmpiricalSafetyStockIsFlooredAtZeroWhenTheForecastOverstates()
    {
        // All errors negative (actual below forecast): the 0.9 quantile, the 9th of 9 = -1, floors to 0.
        Assert.Equal(0, SafetyStock.Empirical([-9, -8, -7, -6, -5, -4, -3, -2, -1], 0.9), 10);
        Assert.Throws<ArgumentException>(() => SafetyStock.Empirical([], 0.9));
        Assert.Throws<ArgumentException>(() => SafetyStock.Empirical([double.NaN], 0.9));
    }

    [Fact]
    public void QuantileSafetyStockIsTheGapAboveTheMeanFlooredAtZero()
    {
        // q_0.95(D_P) = 65, D_P = 50 -> 15; a quantile below the mean gives 0, not -5.
        Assert.Equal(15, SafetyStock.FromQuantile(65, 50), 10);
        Assert.Equal(0, SafetyStock.FromQuantile(45, 50), 10);
    }
}
