using NexGen.Core.Forecasting.Evaluation;

namespace NexGen.Tests.Forecasting;

public class AccuracyTests
{
    const double N = double.NaN;
    static readonly DateOnly First = new(2024, 1, 7);
    static readonly DateOnly Second = new(2024, 1, 14);

    /// <summary>
    /// Two series (S1/A, S1/B), two cutoffs, H = 2. e = forecast - actual.
    /// First cutoff:  A actual [2, 4] forecast [3, 3] s = 1  w = 3 -> e +1, -1.
    ///                B actual [0, 2] forecast [2, 4] s = 16 w = 1 -> e +2, +2.
    /// Second cutoff: A actual [5, NaN] forecast [3, 9] s = 1 w = 2 -> e -2 (h = 2 censored, not scored).
    ///                B actual [1, 1] forecast [1, 3] s = 0  w = 6 -> e 0, +2 (s = 0: no RMSSE).
    /// </summary>
    static SeriesForecastEvaluation[] TwoSeriesTwoCutoffs() =>
    [
        new("S1", "B", First, [0, 2], [2, 4], Scale: 16, Weight: 1),
        new("S1", "A", First, [2, 4], [3, 3], Scale: 1, Weight: 3),
        new("S1", "A", Second, [5, N], [3, 9], Scale: 1, Weight: 2),
        new("S1", "B", Second, [1, 1], [1, 3], Scale: 0, Weight: 6),
    ];

    [Fact]
    public void NaiveScaleIsTheMeanSquaredStepFromTheFirstSaleSkippingUnknownPairs()
    {
        // First sale at index 2. Pairs (2,4) -> 4, (4,NaN) and (NaN,5) skipped, (5,4) -> 1. s = (4 + 1) / 2 = 2.5.
        // (Starting at index 0 would add (0,0) and (0,2) and give 9 / 4.)
        Assert.Equal(2.5, Accuracy.NaiveScale([0, 0, 2, 4, N, 5, 4]), 10);
    }

    [Fact]
    public void NaiveScaleIsZeroWithoutTwoConsecutiveKnownPointsAfterTheFirstSale()
    {
        Assert.Equal(0, Accuracy.NaiveScale([]), 10);
        Assert.Equal(0, Accuracy.NaiveScale([0, 0, 3]), 10);
        Assert.Equal(0, Accuracy.NaiveScale([3, N, 4]), 10);
        // Constant sales: a real pair with no change, also 0 (such a series is left out of RMSSE).
        Assert.Equal(0, Accuracy.NaiveScale([2, 2, 2]), 10);
    }

    [Fact]
    public void SalesWeightSumsTheLastHorizonClippingReturnsAndSkippingUnknowns()
    {
        // Last 3 periods: -2 -> 0, NaN skipped, 3 -> 3.
        Assert.Equal(3, Accuracy.SalesWeight([5, 1, -2, N, 3], 3), 10);
        // Horizon longer than the history sums all of it: 5 + 1 + 3 = 9.
        Assert.Equal(9, Accuracy.SalesWeight([5, 1, -2, N, 3], 10), 10);
    }

    [Fact]
    public void RmsseScalesTheMeanSquaredErrorBySeriesScale()
    {
        // e = +2, 0 -> mean e² = 2; s = 0.5 -> sqrt(2 / 0.5) = 2.
        Assert.Equal(2, Accuracy.Rmsse(new("S1", "A", First, [2, 4], [4, 4], 0.5, 1)), 10);
        // Censored h = 2 not scored: e = -2 -> mean e² = 4; s = 1 -> 2.
        Assert.Equal(2, Accuracy.Rmsse(new("S1", "A", First, [5, N], [3, 9], 1, 1)), 10);
    }

    [Fact]
    public void RmsseIsUndefinedForZeroScaleOrNoScoredPoint()
    {
        Assert.True(double.IsNaN(Accuracy.Rmsse(new("S1", "A", First, [1, 1], [1, 3], 0, 1))));
        Assert.True(double.IsNaN(Accuracy.Rmsse(new("S1", "A", First, [N, N], [1, 3], 4, 1))));
    }

    [Fact]
    public void EvaluatePoolsPointErrorsOverSeriesAndCutoffs()
    {
        // Scored errors: +1, -1, +2, +2, -2, 0, +2 (7 points); actuals 2, 4, 0, 2, 5, 1, 1 sum to 15.
        // MAE  = (1 + 1 + 2 + 2 + 2 + 0 + 2) / 7 = 10 / 7 = 1.428571 (B at the second cutoff, s = 0, still counts;
        //        without it 8 / 5 = 1.6).
        // RMSE = sqrt((1 + 1 + 4 + 4 + 4 + 0 + 4) / 7) = sqrt(18 / 7) = 1.603567.
        // WAPE = 10 / 15 = 0.666667; bias = (1 - 1 + 2 + 2 - 2 + 0 + 2) / 15 = 4 / 15 = 0.266667.
        var metrics = Accuracy.Evaluate(TwoSeriesTwoCutoffs());
        Assert.Equal(10.0 / 7, metrics.Mae, 10);
        Assert.Equal(1.4285714286, metrics.Mae, 10);
        Assert.Equal(Math.Sqrt(18.0 / 7), metrics.Rmse, 10);
        Assert.Equal(1.6035674515, metrics.Rmse, 10);
        Assert.Equal(10.0 / 15, metrics.Wape, 10);
        Assert.Equal(4.0 / 15, metrics.Bias, 10);
        Assert.Equal(2, metrics.Series);
        Assert.Equal(7, metrics.Points);
    }

    [Fact]
    public void WrmsseWeighsEachCutoffBySalesAndLeavesOutZeroScaleSeries()
    {
        // RMSSE: A first = sqrt(((1 + 1) / 2) / 1) = 1; B first = sqrt(((4 + 4) / 2) / 16) = 0.5;
        //        A second = sqrt(4 / 1) = 2; B second has s = 0: left out.
        // WRMSSE first cutoff  = (3 * 1 + 1 * 0.5) / (3 + 1) = 0.875.
        // WRMSSE second cutoff = A alone, weight normalised to 1 -> 2 (if B's weight 6 counted: 2 * 2 / 8 = 0.5).
        // WRMSSE = (0.875 + 2) / 2 = 1.4375.
        // Unweighted RMSSE = (mean(1, 0.5) + 2) / 2 = (0.75 + 2) / 2 = 1.375.
        var metrics = Accuracy.Evaluate(TwoSeriesTwoCutoffs());
        Assert.Equal(1.4375, metrics.Wrmsse, 10);
        Assert.Equal(1.375, metrics.Rmsse, 10);
    }

    [Fact]
    public void EvaluateOfNothingIsUndefined()
    {
        var metrics = Accuracy.Evaluate([]);
        Assert.True(double.IsNaN(metrics.Mae));
        Assert.True(double.IsNaN(metrics.Rmse));
        Assert.True(double.IsNaN(metrics.Wape));
        Assert.True(double.IsNaN(metrics.Bias));
        Assert.True(double.IsNaN(metrics.Rmsse));
        Assert.True(double.IsNaN(metrics.Wrmsse));
        Assert.Equal(0, metrics.Series);
        Assert.Equal(0, metrics.Points);
    }

    [Fact]
    public void WapeAndBiasAreUndefinedWhenActualsSumToZero()
    {
        // e = +1, +3: MAE 2, RMSE sqrt(5); no actual sales.
        var metrics = Accuracy.Evaluate([new("S1", "A", First, [0, 0], [1, 3], 1, 1)]);
        Assert.Equal(2, metrics.Mae, 10);
        Assert.Equal(Math.Sqrt(5), metrics.Rmse, 10);
        Assert.True(double.IsNaN(metrics.Wape));
        Assert.True(double.IsNaN(metrics.Bias));
    }

    [Fact]
    public void PerSeriesPoolsScaledErrorsOverCutoffs()
    {
        // A: e²/s = 1/1, 1/1 (first), 4/1 (second) -> sqrt(6 / 3) = sqrt(2) = 1.414214; MAE (1 + 1 + 2) / 3 = 1.333333.
        // B: e²/s = 4/16, 4/16 (first; second has s = 0) -> sqrt(0.5 / 2) = 0.5; MAE (2 + 2 + 0 + 2) / 4 = 1.5.
        var rows = Accuracy.PerSeries(TwoSeriesTwoCutoffs());
        Assert.Equal(2, rows.Count);
        Assert.Equal(("S1", "A"), (rows[0].Location, rows[0].Sku));
        Assert.Equal(Math.Sqrt(2), rows[0].Rmsse, 10);
        Assert.Equal(4.0 / 3, rows[0].Mae, 10);
        Assert.Equal(("S1", "B"), (rows[1].Location, rows[1].Sku));
        Assert.Equal(0.5, rows[1].Rmsse, 10);
        Assert.Equal(1.5, rows[1].Mae, 10);
    }

    [Fact]
    public void PerSeriesIsOrderedByLocationThenSkuOrdinally()
    {
        // Ordinal: upper case sorts before lower case, so "S2" < "s1".
        SeriesForecastEvaluation[] series =
        [
            new("s1", "A", First, [1], [2], 1, 1),
            new("S2", "b", First, [1], [4], 1, 1),
            new("S2", "B", First, [1], [3], 1, 1),
        ];
        var rows = Accuracy.PerSeries(series);
        Assert.Equal([("S2", "B"), ("S2", "b"), ("s1", "A")], rows.Select(r => (r.Location, r.Sku)).ToArray());
        // MAE = |forecast - actual|: 2, 3, 1.
        Assert.Equal([2.0, 3.0, 1.0], rows.Select(r => r.Mae).ToArray());
    }

    [Fact]
    public void MismatchedLengthsOrAMissingForecastAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Accuracy.Rmsse(new("S1", "A", First, [1, 2], [1], 1, 1)));
        Assert.Throws<ArgumentException>(() => Accuracy.Evaluate([new("S1", "A", First, [1, 2], [1, N], 1, 1)]));
    }
}
