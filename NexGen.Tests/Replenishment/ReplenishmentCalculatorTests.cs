using NexGen.Core.Replenishment;

namespace NexGen.Tests.Replenishment;

public class ReplenishmentCalculatorTests
{
    // Sorted: -6, -4, -3, -1, 0, 2, 4, 7, 9; at a = 0.8 the (n + 1) a = 8th smallest is 7.
    static readonly double[] NineErrors = [4, -3, 9, 0, -6, 2, 7, -1, -4];

    /// <summary>
    /// (R, S) case. L = 4, R = 1 -> P = 5. Forecast [8, 12, 10, 10, 14, 99]: D_L = 40, D_P = 54 (the 6th period is
    /// past P and must not count). Per-period 0.95 quantiles [11, 15, 13, 13, 17, 200] sum to q(D_P) = 69 over P,
    /// so SS = 69 - 54 = 15 and S = 54 + 15 = 69. IP = 20 + 10 - 3 = 27. Raw need 69 - 27 = 42 -> 4 packs of 12 = 48.
    /// Projected stock at the end of the lead time = 27 - 40 = -13.
    /// </summary>
    static SuggestionInput PeriodicCase() => new()
    {
        OnHand = 20,
        OnOrder = 10,
        Backorders = 3,
        Forecast = [8, 12, 10, 10, 14, 99],
        LeadTime = 4,
        ReviewPeriod = 1,
        ServiceLevel = 0.95,
        Policy = new PeriodicReviewPolicy(),
        SafetyStock = new ForecastQuantileSafetyStock([11, 15, 13, 13, 17, 200]),
        Constraints = new OrderConstraints { PackSize = 12 },
    };

    [Fact]
    public void PeriodicReviewOrdersUpToDemandOverLeadTimePlusReviewPlusSafetyStock()
    {
        var s = ReplenishmentCalculator.Suggest(PeriodicCase());

        Assert.Equal(27, s.InventoryPosition, 10);
        Assert.Equal(40, s.DemandOverLeadTime, 10);
        Assert.Equal(54, s.DemandOverProtectionPeriod, 10);
        Assert.Equal(5, s.SafetyStockPeriods, 10);
        Assert.Equal(15, s.SafetyStock, 10);
        Assert.Equal(69, s.OrderUpToLevel!.Value, 10);
        Assert.Null(s.ReorderPoint);
        Assert.Equal(42, s.Order.RawNeed, 10);
        Assert.Equal(48, s.OrderQuantity);
        Assert.Equal(-13, s.ProjectedStockAtLeadTime, 10);
    }

    [Fact]
    public void PeriodicReviewOrdersNothingOutsideAReviewPeriod()
    {
        var s = ReplenishmentCalculator.Suggest(PeriodicCase() with { IsReviewPeriod = false });
        Assert.Equal(0, s.OrderQuantity);
        Assert.Equal(69, s.OrderUpToLevel!.Value, 10);
        Assert.Equal("No order: not a review period", s.Reason);
    }

    [Fact]
    public void PeriodicReviewWithNormalSafetyStockUsesTheMeanForecastOverP()
    {
        // Forecast 10 per period, L = 4, R = 1: D_P = 50, d = 10. sd_d = 3, sd_L = 1, a = 0.95:
        // SS = 1.644854 x sqrt(5 x 9 + 100 x 1) = 19.8067; S = 69.8067. IP = 27 -> raw 42.8067 -> 43 (no pack).
        var s = ReplenishmentCalculator.Suggest(PeriodicCase() with
        {
            Forecast = [10, 10, 10, 10, 10],
            SafetyStock = new NormalSafetyStock(DemandSd: 3, LeadTimeSd: 1),
            Constraints = OrderConstraints.None,
        });
        Assert.Equal(19.8067, s.SafetyStock, 4);
        Assert.Equal(69.8067, s.OrderUpToLevel!.Value, 4);
        Assert.Equal(43, s.OrderQuantity);
        Assert.Equal("normal", s.SafetyStockMethod);
    }

    /// <summary>
    /// (s, Q) case. L = 2 (R = 1 only affects D_P): forecast [12, 12, 12] -> D_L = 24, D_P = 36. Empirical SS from the
    /// nine cumulative errors over L at a = 0.8 = 7, so s = 24 + 7 = 31. IP = 5 + 2 = 7 <= 31.
    /// </summary>
    static SuggestionInput ContinuousCase(LotSize lot) => new()
    {
        OnHand = 5,
        OnOrder = 2,
        Forecast = [12, 12, 12],
        LeadTime = 2,
        ReviewPeriod = 1,
        ServiceLevel = 0.8,
        Policy = new ContinuousReviewPolicy(lot),
        SafetyStock = new EmpiricalSafetyStock(NineErrors),
        Constraints = new OrderConstraints { PackSize = 12 },
    };

    [Fact]
    public void ContinuousReviewOrdersTheSmallestMultipleOfQThatLiftsThePositionAboveTheReorderPoint()
    {
        // Q = 24: n = 1 gives 7 + 24 = 31, not above 31; n = 2 gives 55 > 31 -> order 48 (4 packs of 12).
        var s = ReplenishmentCalculator.Suggest(ContinuousCase(LotSize.Fixed(24)));

        Assert.Equal(24, s.DemandOverLeadTime, 10);
        Assert.Equal(36, s.DemandOverProtectionPeriod, 10);
        Assert.Equal(2, s.SafetyStockPeriods, 10);
        Assert.Equal(7, s.SafetyStock, 10);
        Assert.Equal(31, s.ReorderPoint!.Value, 10);
        Assert.Equal(24, s.LotSize!.Value, 10);
        Assert.Equal(48, s.Order.RawNeed, 10);
        Assert.Equal(48, s.OrderQuantity);
        Assert.Equal(-17, s.ProjectedStockAtLeadTime, 10); // 7 - 24
    }

    [Fact]
    public void ContinuousReviewWithEoqLotSize()
    {
        // D = 1200 / year, K = 50, H = 20 x 0.25 = 5: EOQ = sqrt(2 x 1200 x 50 / 5) = sqrt(24000) = 154.92 -> Q = 155.
        // IP 7 <= s 31: n = floor(24 / 155) + 1 = 1 -> 155 (pack 1).
        var eoq = new EoqParameters(AnnualDemand: 1200, CostPerOrder: 50, UnitCost: 20, HoldingRatePerYear: 0.25);
        Assert.Equal(154.9193, eoq.Quantity, 4);
        var s = ReplenishmentCalculator.Suggest(ContinuousCase(LotSize.FromEoq(eoq)) with { Constraints = OrderConstraints.None });
        Assert.Equal(155, s.LotSize!.Value, 10);
        Assert.Equal(155, s.OrderQuantity);
    }

    [Fact]
    public void ContinuousReviewOrdersNothingAboveTheReorderPoint()
    {
        // IP = 30 + 2 = 32 > s = 31.
        var s = ReplenishmentCalculator.Suggest(ContinuousCase(LotSize.Fixed(24)) with { OnHand = 30 });
        Assert.Equal(0, s.OrderQuantity);
        Assert.Equal("No order: inventory position 32 is above the reorder point 31", s.Reason);
    }

    [Fact]
    public void MinMaxOrdersUpToReorderPointPlusLotSize()
    {
        // L = 2, forecast [9, 11, 50] -> D_L = 20, d = 10 per period. Normal SS over L with sd_d = 3, a = 0.95:
        // 1.644854 x sqrt(2 x 9) = 1.644854 x 4.242641 = 6.9785. s = 26.9785; Q = 40 -> S = 66.9785.
        // IP 25 <= s -> raw 66.9785 - 25 = 41.9785 -> 42.
        var s = ReplenishmentCalculator.Suggest(new SuggestionInput
        {
            OnHand = 25,
            Forecast = [9, 11, 50],
            LeadTime = 2,
            ServiceLevel = 0.95,
            Policy = new MinMaxPolicy(LotSize.Fixed(40)),
            SafetyStock = new NormalSafetyStock(DemandSd: 3),
        });
        Assert.Equal(6.9785, s.SafetyStock, 4);
        Assert.Equal(26.9785, s.ReorderPoint!.Value, 4);
        Assert.Equal(66.9785, s.OrderUpToLevel!.Value, 4);
        Assert.Equal(41.9785, s.Order.RawNeed, 4);
        Assert.Equal(42, s.OrderQuantity);
    }

    [Fact]
    public void MinMaxOrdersNothingAboveTheMinimum()
    {
        var s = ReplenishmentCalculator.Suggest(new SuggestionInput
        {
            OnHand = 27,
            Forecast = [9, 11],
            LeadTime = 2,
            ServiceLevel = 0.95,
            Policy = new MinMaxPolicy(LotSize.Fixed(40)),
            SafetyStock = new NormalSafetyStock(DemandSd: 3),
        });
        // 27 > s = 26.98 (the same reorder point as above).
        Assert.Equal(0, s.OrderQuantity);
        Assert.Equal("No order: inventory position 27 is above the minimum 26.98", s.Reason);
    }

    [Fact]
    public void DaysOfCoverOrdersUpToCoverTimesMeanDemandPlusSafetyStock()
    {
        // L = 3, R = 1 -> P = 4; forecast [4, 6, 5, 5, 100] -> D_P = 20, d = 5 per period (period 5 is past P).
        // Normal SS over P, sd_d = 2, a = 0.95: 1.644854 x sqrt(4 x 4) = 6.5794. Target = 5 x 14 + 6.5794 = 76.5794.
        // IP 30 -> raw 46.5794 -> 47.
        var s = ReplenishmentCalculator.Suggest(new SuggestionInput
        {
            OnHand = 30,
            Forecast = [4, 6, 5, 5, 100],
            LeadTime = 3,
            ReviewPeriod = 1,
            ServiceLevel = 0.95,
            Policy = new DaysOfCoverPolicy(CoverPeriods: 14),
            SafetyStock = new NormalSafetyStock(DemandSd: 2),
        });
        Assert.Equal(6.5794, s.SafetyStock, 4);
        Assert.Equal(76.5794, s.OrderUpToLevel!.Value, 4);
        Assert.Equal(47, s.OrderQuantity);
        Assert.Equal("Order 47: inventory position 30 is below the cover target 76.58 (14 periods of 5 plus safety stock 6.58)", s.Reason);
    }

    [Fact]
    public void AFractionalLeadTimeCountsTheLastPeriodProRata()
    {
        // 1.5 periods of [10, 20, 30] = 10 + 0.5 x 20 = 20; 2.5 periods = 10 + 20 + 0.5 x 30 = 45.
        Assert.Equal(20, ReplenishmentCalculator.DemandOver([10, 20, 30], 1.5), 10);
        Assert.Equal(45, ReplenishmentCalculator.DemandOver([10, 20, 30], 2.5), 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReplenishmentCalculator.DemandOver([10, 20], 2.5));
    }

    [Fact]
    public void AForecastShorterThanLeadTimePlusReviewIsRejected()
    {
        // L + R = 5 needs 5 periods.
        Assert.Throws<ArgumentException>(() => ReplenishmentCalculator.Suggest(PeriodicCase() with { Forecast = [10, 10, 10, 10] }));
    }
}
