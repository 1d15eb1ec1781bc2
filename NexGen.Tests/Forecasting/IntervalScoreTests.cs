using NexGen.Core.Forecasting.Evaluation;

namespace NexGen.Tests.Forecasting;

public class IntervalScoreTests
{
    [Fact]
    public void PinballIsScaledByTheNaiveMaeAndWeightedByVolume()
    {
        double[] levels = [0.1, 0.9];
        // Series A (volume 3, naive MAE 2): actual 10 against p10 8 and p90 12: pinball 0.1 x 2 = 0.2 and 0.1 x 2 = 0.2.
        // Series B (volume 1, naive MAE 1): actual 10 against p10 12 and p90 14: 0.9 x 2 = 1.8 and 0.1 x 4 = 0.4.
        var score = IntervalScore.Of(levels,
        [
            ([10.0], [[8.0], [12.0]], 2, 3),
            ([10.0], [[12.0], [14.0]], 1, 1),
        ]);

        Assert.Equal((3 * 0.2 / 2 + 1 * 1.8 / 1) / 4, score.Pinball[0.1], 9);
        Assert.Equal((3 * 0.2 / 2 + 1 * 0.4 / 1) / 4, score.Pinball[0.9], 9);
    }

    [Fact]
    public void CoverageIsCountedPerQuartileOfVolume()
    {
        // Eight series, volumes 1 .. 8: the two smallest miss their interval, the others hold it.
        var series = Enumerable.Range(1, 8).Select(v => (Actual: new[] { v <= 2 ? 50.0 : 10.0 }, Quantiles: new[] { new[] { 5.0 }, new[] { 15.0 }, new[] { 20.0 } }, Scale: 1.0, Volume: (double)v)).ToList();

        var score = IntervalScore.Of([0.1, 0.9, 0.95], series);

        Assert.Equal([0.0, 1, 1, 1], score.CentralByQuartile);
        Assert.Equal([0.0, 1, 1, 1], score.UpperByQuartile);
    }
}
