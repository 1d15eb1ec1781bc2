using NexGen.Core.Forecasting;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Tests.Forecasting;

public class ErrorProfileTests
{
    static List<(double Scale, double Error)> At(double scale, params double[] errors) => [.. errors.Select(e => (scale, e))];

    static ErrorProfile TwoPeriods() => ErrorProfile.FromErrors([At(10, 0.2, -0.1, 0.0), At(10, 0.3, -0.2, 0.1)])!;

    [Fact]
    public void ErrorsInUnitsAreTheNormalisedOnesTimesTheSeriesNormaliser()
    {
        var profile = TwoPeriods();

        Assert.Equal(2, profile.Horizon);
        Assert.Equal([-0.1, 0.0, 0.2], profile.Normalised(1));
        // P = 2, error scale 21 units per period: normaliser 21 x 2 = 42.
        Assert.Equal(42, ErrorProfile.Normaliser(21, 2));
        AssertClose([-8.4, 4.2, 12.6], profile.CumulativeErrors(2, 21, 10));
    }

    [Fact]
    public void AFractionalNumberOfPeriodsInterpolatesTheOrderStatistics()
    {
        var profile = TwoPeriods();

        // P = 1.5, error scale 21: normaliser 31.5; order statistics halfway: -0.15, 0.05, 0.25.
        AssertClose([-0.15 * 31.5, 0.05 * 31.5, 0.25 * 31.5], profile.CumulativeErrors(1.5, 21, 10));
        // P = 0.5 moves halfway from no error to P = 1's: -0.05, 0, 0.1 times 11 x 0.5.
        AssertClose([-0.05 * 5.5, 0, 0.1 * 5.5], profile.CumulativeErrors(0.5, 11, 10));
        Assert.Equal([0.0], profile.CumulativeErrors(0, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => profile.CumulativeErrors(2.5, 50, 10));
    }

    [Fact]
    public void EmpiricalSafetyStockIsTheServiceLevelQuantileOfTheseErrors()
    {
        // 99 normalised errors 0.01 .. 0.99 for P = 1: the 0.9-quantile (conformal: the 90th smallest) is 0.90.
        var profile = ErrorProfile.FromErrors([At(50, [.. Enumerable.Range(1, 99).Select(i => i / 100.0)])])!;

        var errors = profile.CumulativeErrors(1, 105, 50);

        Assert.Equal(0.90 * 105, SafetyStock.Empirical(errors, 0.9), 9);
    }

    [Fact]
    public void LargeSamplesAreThinnedToEvenlySpacedOrderStatistics()
    {
        var errors = Enumerable.Range(0, 10_000).Select(i => (double)i).Reverse().ToArray();

        // One scale for all: a single group however many errors there are.
        var profile = ErrorProfile.FromErrors([At(3, errors)])!;

        var kept = profile.Normalised(1);
        Assert.Single(profile.Groups);
        Assert.Equal(ErrorProfile.SampleSize, kept.Count);
        // The k-th kept value is the ceil(10001 k / 1001)-th smallest: k = 1 -> 10th (9), k = 1000 -> 9992nd (9991).
        Assert.Equal(9, kept[0]);
        Assert.Equal(9991, kept[^1]);
        Assert.Equal(kept.Order(), kept);
    }

    [Fact]
    public void PeriodsWithoutErrorsBorrowTheNearestShorterOnes()
    {
        var profile = ErrorProfile.FromErrors([[], At(1, 0.5), [], At(1, 0.25)])!;

        Assert.Equal([0.5], profile.Normalised(1));
        Assert.Equal([0.5], profile.Normalised(3));
        Assert.Equal([0.25], profile.Normalised(4));
        Assert.Null(ErrorProfile.FromErrors([[], []]));
    }

    [Fact]
    public void SeriesArePooledWithOthersOfTheirSizeSoASlowMoversTailDoesNotWidenAFastOnes()
    {
        // 1,000 one-period errors: scales 1 .. 1000; slow series (scale < 500) err by up to +-2 x their normaliser,
        // fast ones by +-0.1.
        var errors = Enumerable.Range(1, 1000).Select(s => ((double)s, (s % 5 - 2) * (s < 500 ? 1.0 : 0.05))).ToList();

        var profile = ErrorProfile.FromErrors([errors])!;

        // 1,000 errors allow 4 groups of 250 (at least 200 each): from 0, 251, 501 and 751.
        Assert.Equal([0, 251, 501, 751], profile.Groups.Select(g => g.ScaleFrom));
        Assert.Equal(2.0, profile.Normalised(1, scale: 5).Max());
        Assert.Equal(0.1, profile.Normalised(1, scale: 900).Max(), 12);
        // A fast series of scale 900 with an error scale of 990: errors in units 0.1 x 990, not 2 x.
        Assert.Equal(99, profile.CumulativeErrors(1, 990, 900).Max(), 9);
        Assert.Single(ErrorProfile.FromErrors([errors.Take(399).ToList()])!.Groups);
    }

    [Fact]
    public async Task ARunStoresItsProfileAndScales()
    {
        await using var test = new TestStore();
        var runs = new RunStore(test.Store);
        var id = await runs.StartAsync("forecast", "manual", "{}", null);

        await runs.CompleteAsync(id, null, null, [], new ForecastDetails
        {
            ErrorProfile = new ErrorProfile([
                new ErrorProfile.Group(0, [[-0.1, 0.0, 0.2], [-0.2, 0.1, 0.3]]),
                new ErrorProfile.Group(40, [[-0.01, 0.02], [-0.03, 0.04]])]),
            Scales = [new SeriesScale("S2", "A", 3.5, 1.25), new SeriesScale("S1", "B", 12)],
        });

        var profile = await runs.ErrorProfileAsync(id);
        Assert.Equal([0.0, 40], profile!.Groups.Select(g => g.ScaleFrom));
        Assert.Equal([-0.1, 0.0, 0.2], profile.Normalised(1));
        Assert.Equal([-0.2, 0.1, 0.3], profile.Normalised(2, scale: 39.9));
        Assert.Equal([-0.03, 0.04], profile.Normalised(2, scale: 40));
        Assert.Equal([new SeriesScale("S1", "B", 12), new SeriesScale("S2", "A", 3.5, 1.25)], await runs.ScalesAsync(id));
        Assert.Null(await runs.ErrorProfileAsync(id + 1));
    }

    static void AssertClose(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 9);
    }
}
