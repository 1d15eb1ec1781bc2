using NexGen.Core.Forecasting.Baselines;

namespace NexGen.Tests.Forecasting;

public class BaselineTests
{
    const double N = double.NaN;

    // ---- Naive ----

    [Fact]
    public void NaiveRepeatsTheLastKnownValue()
    {
        // Last element is NaN (censored), so the last known value is 5.
        AssertForecast([5, 5, 5], Baselines.Naive([3, 5, N], 3));
    }

    [Fact]
    public void EveryBaselineForecastsZeroFromAnEmptyOrAllUnknownHistory()
    {
        foreach (var history in new double[][] { [], [N, N, N] })
        {
            AssertForecast([0, 0], Baselines.Naive(history, 2));
            AssertForecast([0, 0], Baselines.SeasonalNaive(history, 2, SeriesGrain.Daily));
            AssertForecast([0, 0], Baselines.SeasonalNaive(history, 2, SeriesGrain.Weekly));
            AssertForecast([0, 0], Baselines.MovingAverage(history, 2, 4));
            AssertForecast([0, 0], Baselines.SeasonalProfile(history, 2, SeriesGrain.Weekly));
            AssertForecast([0, 0], Baselines.Croston(history, 2));
            AssertForecast([0, 0], Baselines.Tsb(history, 2));
        }
    }

    [Fact]
    public void ZeroHorizonGivesAnEmptyForecastAndBadArgumentsThrow()
    {
        Assert.Empty(Baselines.Naive([1, 2], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Baselines.Naive([1, 2], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Baselines.MovingAverage([1, 2], 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Baselines.SeasonalProfile([1, 2], 1, SeriesGrain.Weekly, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Baselines.Croston([1, 2], 1, alpha: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Baselines.Tsb([1, 2], 1, beta: 1.5));
    }

    // ---- Seasonal naive ----

    [Fact]
    public void DailySeasonalNaiveRepeatsTheLastSevenDays()
    {
        // y_t = t + 1, t = 0..9, T = 9. h = 1..7 -> y_{T+h-7} = y_3..y_9 = 4..10; h = 8, 9 -> y_{T+h-14} = y_3, y_4 = 4, 5.
        double[] history = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        AssertForecast([4, 5, 6, 7, 8, 9, 10, 4, 5], Baselines.SeasonalNaive(history, 9, SeriesGrain.Daily));
    }

    [Fact]
    public void DailySeasonalNaiveFallsBackToThePreviousWeekThenToTheLastKnownValue()
    {
        // T = 13. h = 1: y_7 NaN, y_0 NaN -> last known y_13 = 14. h = 2: y_8 NaN -> y_1 = 2. h = 3: y_9 = 10.
        double[] history = [N, 2, 3, 4, 5, 6, 7, N, N, 10, 11, 12, 13, 14];
        AssertForecast([14, 2, 10], Baselines.SeasonalNaive(history, 3, SeriesGrain.Daily));
    }

    [Fact]
    public void WeeklySeasonalNaiveWithAYearOfHistoryUsesTheSameWeekLastYear()
    {
        // 53 weeks, y_t = t + 1, T = 52. h = 1 -> y_1 = 2; h = 2 -> y_2 = 3; h = 52 -> y_52 = 53;
        // h = 53 lies more than a year ahead -> y_{T+53-104} = y_1 = 2.
        var forecast = Baselines.SeasonalNaive(Count(53), 53, SeriesGrain.Weekly);
        Assert.Equal(53, forecast.Length);
        Assert.Equal(2, forecast[0], 10);
        Assert.Equal(3, forecast[1], 10);
        Assert.Equal(53, forecast[51], 10);
        Assert.Equal(2, forecast[52], 10);

        // Exactly 52 weeks is a full year: T = 51, h = 1 -> y_0 = 1, h = 2 -> y_1 = 2.
        AssertForecast([1, 2], Baselines.SeasonalNaive(Count(52), 2, SeriesGrain.Weekly));
    }

    [Fact]
    public void WeeklySeasonalNaiveWithLessThanAYearRepeatsTheLastValue()
    {
        // 51 weeks, y_t = t + 1: no same week last year, so the last value 51 is repeated.
        AssertForecast([51, 51, 51], Baselines.SeasonalNaive(Count(51), 3, SeriesGrain.Weekly));
    }

    // ---- Moving average ----

    [Fact]
    public void MovingAverageAveragesTheLastKnownValues()
    {
        // Window 3 over the known values from the end: 6, 4, 2 (NaN skipped, 1 not reached) -> 12 / 3 = 4.
        AssertForecast([4, 4], Baselines.MovingAverage([1, 2, N, 4, 6], 2, 3));
        // Fewer known values than the window: (3 + 5) / 2 = 4.
        AssertForecast([4], Baselines.MovingAverage([N, 3, 5], 1, 10));
    }

    // ---- Seasonal profile ----

    [Fact]
    public void WeeklySeasonalProfileAveragesTheSameWeekOfEarlierYears()
    {
        // 156 weeks, y_t = 10 * (year + 1) + week, year = t / 52, week = t % 52; T = 155.
        // h = 1 (week 0): y_104 = 30, y_52 = 20, y_0 = 10.  3 years: 60 / 3 = 20.  2 years: 50 / 2 = 25.
        // h = 2 (week 1): y_105 = 31, y_53 = 21, y_1 = 11.  3 years: 63 / 3 = 21.  2 years: 52 / 2 = 26.
        var history = Yearly(156);
        AssertForecast([20, 21], Baselines.SeasonalProfile(history, 2, SeriesGrain.Weekly, years: 3));
        AssertForecast([25, 26], Baselines.SeasonalProfile(history, 2, SeriesGrain.Weekly, years: 2));
    }

    [Fact]
    public void SeasonalProfileAveragesOnlyTheYearsTheHistoryHas()
    {
        // 104 weeks (2 years) asked for 3: h = 1 -> y_52 = 20, y_0 = 10 -> 15. A NaN year is left out:
        // with y_52 unknown, h = 1 -> y_0 = 10.
        var history = Yearly(104);
        AssertForecast([15], Baselines.SeasonalProfile(history, 1, SeriesGrain.Weekly, years: 3));
        history[52] = N;
        AssertForecast([10], Baselines.SeasonalProfile(history, 1, SeriesGrain.Weekly, years: 3));
    }

    [Fact]
    public void DailySeasonalProfileLooksBack364DaysToKeepTheWeekday()
    {
        // 730 days, y_t = t, T = 729. h = 1: target 730 -> y_366 = 366 and y_2 = 2 (730 - 728) -> 184.
        // h = 2: y_367, y_3 -> 185. A third year (730 - 1092) does not exist, so years 2 and 3 agree.
        var history = Count(730, start: 0);
        AssertForecast([184, 185], Baselines.SeasonalProfile(history, 2, SeriesGrain.Daily, years: 3));
        AssertForecast([184, 185], Baselines.SeasonalProfile(history, 2, SeriesGrain.Daily, years: 2));
        // One year only: y_366, y_367.
        AssertForecast([366, 367], Baselines.SeasonalProfile(history, 2, SeriesGrain.Daily, years: 1));
    }

    [Fact]
    public void SeasonalProfileWithoutAnEarlierYearFallsBackToSeasonalNaive()
    {
        // 10 days, y_t = t + 1, T = 9: no day a year back, so the 7-day repeat: h = 1 -> y_3 = 4, h = 2 -> y_4 = 5
        // (not the last value 10).
        AssertForecast([4, 5], Baselines.SeasonalProfile(Count(10), 2, SeriesGrain.Daily));
    }

    // ---- Croston / SBA ----

    [Fact]
    public void CrostonSmoothsSizeAndIntervalOfNonZeroDemands()
    {
        // [0,0,3,0,0,0,6,0], alpha 0.5.
        // Start: z = 3, p = 3 (first demand in period 3).
        // Demand 6 after q = 4 periods: z = 3 + 0.5 (6 - 3) = 4.5, p = 3 + 0.5 (4 - 3) = 3.5. Trailing 0: no update.
        // Croston = 4.5 / 3.5 = 1.285714285714...; SBA = 1.2857142857 * (1 - 0.25) = 0.964285714285...
        double[] history = [0, 0, 3, 0, 0, 0, 6, 0];
        AssertForecast([9.0 / 7, 9.0 / 7, 9.0 / 7], Baselines.Croston(history, 3, alpha: 0.5, sba: false));
        AssertForecast([27.0 / 28, 27.0 / 28, 27.0 / 28], Baselines.Croston(history, 3, alpha: 0.5));
        Assert.Equal(1.2857142857, Baselines.Croston(history, 1, alpha: 0.5, sba: false)[0], 10);
        Assert.Equal(0.9642857143, Baselines.Croston(history, 1, alpha: 0.5)[0], 10);
    }

    [Fact]
    public void CrostonSkipsUnknownPeriodsAndTreatsReturnsAsZero()
    {
        // [0, NaN, 3, 0, NaN, 0, 6], alpha 0.5: known periods 0, 3, 0, 0, 6.
        // z = 3, p = 2; demand 6 after q = 3 known periods: z = 4.5, p = 2 + 0.5 (3 - 2) = 2.5 -> 4.5 / 2.5 = 1.8.
        // (Counting the NaN periods as zeros would give p = 3.5 and 1.2857.)
        AssertForecast([1.8], Baselines.Croston([0, N, 3, 0, N, 0, 6], 1, alpha: 0.5, sba: false));
        // A return (-2) is a zero-demand period: z = 4, p = 3 -> 4 / 3.
        AssertForecast([4.0 / 3], Baselines.Croston([0, -2, 4], 1, alpha: 0.5, sba: false));
    }

    // ---- TSB ----

    [Fact]
    public void TsbUpdatesTheDemandProbabilityEveryPeriod()
    {
        // [0, 4, 0, 0, 2], alpha = beta = 0.5.
        // Start at the first demand (period 2): z = 4, pr = 1 / 2.
        // 0: pr = 0.5 - 0.5 * 0.5 = 0.25. 0: pr = 0.125.
        // 2: z = 4 + 0.5 (2 - 4) = 3, pr = 0.125 + 0.5 (1 - 0.125) = 0.5625 -> 0.5625 * 3 = 1.6875.
        AssertForecast([1.6875, 1.6875], Baselines.Tsb([0, 4, 0, 0, 2], 2, alpha: 0.5, beta: 0.5));
    }

    [Fact]
    public void TsbSkipsUnknownPeriodsWithoutDecaying()
    {
        // [0, 4, NaN, 0, 2]: z = 4, pr = 0.5; NaN: no update; 0: pr = 0.25; 2: z = 3, pr = 0.25 + 0.5 * 0.75 = 0.625
        // -> 0.625 * 3 = 1.875.
        AssertForecast([1.875], Baselines.Tsb([0, 4, N, 0, 2], 1, alpha: 0.5, beta: 0.5));
    }

    [Fact]
    public void TsbDecaysThroughARunOfZerosWhileCrostonStaysPut()
    {
        // [4, 0, 0, 0]: z = 4, pr = 1 -> 0.5 -> 0.25 -> 0.125; TSB = 0.5. Croston only moves on a demand: 4 / 1 = 4.
        double[] history = [4, 0, 0, 0];
        AssertForecast([0.5], Baselines.Tsb(history, 1, alpha: 0.5, beta: 0.5));
        AssertForecast([4], Baselines.Croston(history, 1, alpha: 0.5, sba: false));
    }

    // ---- Classification ----

    [Fact]
    public void SteadyDemandEveryPeriodIsSmooth()
    {
        // Intervals 1, 1, 1, 1 -> ADI 1. Sizes 4, 6, 5, 5: mean 5, variance (1 + 1 + 0 + 0) / 4 = 0.5, CV² = 0.5 / 25 = 0.02.
        AssertPattern(DemandClass.Smooth, 1, 0.02, Baselines.Classify([4, 6, 5, 5]));
    }

    [Fact]
    public void SporadicDemandOfSteadySizeIsIntermittent()
    {
        // Demands in periods 3, 6, 8 -> intervals 3, 3, 2 -> ADI 8 / 3 = 2.6667 (the trailing 0 is after the last demand).
        // Sizes 3, 3, 4: mean 10/3, variance (1/9 + 1/9 + 4/9) / 3 = 2/9, CV² = (2/9) / (100/9) = 0.02.
        AssertPattern(DemandClass.Intermittent, 8.0 / 3, 0.02, Baselines.Classify([0, 0, 3, 0, 0, 3, 0, 4, 0]));
    }

    [Fact]
    public void VaryingSizesAreErraticOrLumpy()
    {
        // Sizes 1, 10, 1, 10 (or 1, 10): mean 5.5, variance 4.5² = 20.25, CV² = 20.25 / 30.25 = 0.669421...
        AssertPattern(DemandClass.Erratic, 1, 20.25 / 30.25, Baselines.Classify([1, 10, 1, 10]));
        // Demands in periods 2 and 5 -> intervals 2, 3 -> ADI 2.5.
        AssertPattern(DemandClass.Lumpy, 2.5, 20.25 / 30.25, Baselines.Classify([0, 1, 0, 0, 10]));
    }

    [Fact]
    public void ClassificationSkipsUnknownPeriodsAndTreatsReturnsAsZero()
    {
        // NaN periods left out: three demands of 3 in three known periods -> ADI 1, CV² 0.
        AssertPattern(DemandClass.Smooth, 1, 0, Baselines.Classify([3, N, 3, N, 3]));
        // -1 counts as no demand: demands in periods 2 and 4 -> ADI 2.
        AssertPattern(DemandClass.Intermittent, 2, 0, Baselines.Classify([-1, 3, 0, 3]));
        // No demand at all.
        var none = Baselines.Classify([0, 0, N]);
        Assert.Equal(DemandClass.Intermittent, none.Class);
        Assert.Equal(double.PositiveInfinity, none.Adi);
        Assert.Equal(0, none.Cv2, 10);
    }

    /// <summary>y_t = start + t for t = 0..length-1.</summary>
    static double[] Count(int length, int start = 1)
    {
        var values = new double[length];
        for (var t = 0; t < length; t++)
            values[t] = start + t;
        return values;
    }

    /// <summary>Weekly history with y_t = 10 * (t / 52 + 1) + t % 52: year 1 is 10..61, year 2 is 20..71, ...</summary>
    static double[] Yearly(int length)
    {
        var values = new double[length];
        for (var t = 0; t < length; t++)
            values[t] = 10 * (t / 52 + 1) + t % 52;
        return values;
    }

    static void AssertForecast(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var h = 0; h < expected.Length; h++)
            Assert.Equal(expected[h], actual[h], 10);
    }

    static void AssertPattern(DemandClass expectedClass, double expectedAdi, double expectedCv2, DemandPattern actual)
    {
        Assert.Equal(expectedClass, actual.Class);
        Assert.Equal(expectedAdi, actual.Adi, 10);
        Assert.Equal(expectedCv2, actual.Cv2, 10);
    }
}
