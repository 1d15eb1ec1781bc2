using NexGen.Core.Features;

namespace NexGen.Tests.Forecasting;

public class PanelAggregatesTests
{
    /// <summary>
    /// 6 weekly periods: SKU A at two locations (L1 from period 0, L2 from period 2), SKU B at L1 only.
    /// </summary>
    static SalesPanel Panel()
    {
        float[][] demand =
        [
            [1, 2, 3, 4, 5, 6],
            [float.NaN, float.NaN, 10, 10, 10, 30],
            [100, 100, 100, 100, 100, 100],
        ];
        PanelSeries[] series =
        [
            new(0, "L1", "A", null, 0, 0, -1),
            new(1, "L2", "A", null, 2, 1, -1),
            new(2, "L1", "B", null, 0, 0, -1),
        ];
        var values = demand.SelectMany(d => d).ToArray();
        return new SalesPanel
        {
            Start = new DateOnly(2024, 1, 5),
            PeriodDays = 7,
            Periods = 6,
            Series = series,
            Quantity = values,
            Demand = values,
            Censored = new bool[values.Length],
            Price = new float[values.Length],
            Promotions = [[], [], []],
            EventDays = [],
            Locations = 2,
        };
    }

    [Fact]
    public void ASkuIsSummedOverItsLocationsAndReadRelativeToItsRecentMean()
    {
        var aggregates = Panel().Aggregates;

        // A over both locations: 1, 2, 13, 14, 15, 36. At origin 4 the last 3 periods average 14.
        Assert.Equal(13 / 14f, aggregates.SkuRelative(0, origin: 4, t: 2, window: 3), 5);
        Assert.Equal(aggregates.SkuRelative(0, 4, 2, 3), aggregates.SkuRelative(1, 4, 2, 3));
        Assert.Equal(1f, aggregates.SkuRelative(2, 4, 0, 3), 5);
        Assert.True(float.IsNaN(aggregates.SkuRelative(0, 4, -1, 3)));
    }

    [Fact]
    public void GrowthComparesTheRecentMeanWithTheSamePeriodsEarlier()
    {
        var aggregates = Panel().Aggregates;

        // A: periods 4..5 (15 + 36) against periods 1..2 (2 + 13).
        Assert.Equal(51 / 15f, aggregates.SkuGrowth(0, origin: 5, recent: 2, year: 3), 5);
        Assert.True(float.IsNaN(aggregates.SkuGrowth(0, origin: 2, recent: 2, year: 3)));
    }

    [Fact]
    public void NothingAfterTheOriginIsRead()
    {
        var aggregates = Panel().Aggregates;
        Assert.Throws<InvalidOperationException>(() => aggregates.SkuRelative(0, origin: 3, t: 4, window: 2));
        // The window ends at the origin: period 5's 36 does not move the value at origin 4.
        Assert.Equal(13 / ((2 + 13 + 14 + 15) / 4f), aggregates.SkuRelative(0, 4, 2, 4), 5);
    }
}
