using System.Globalization;
using NexGen.Core.Replenishment;

namespace NexGen.Tests.Replenishment;

public class SuggestionReasonTests
{
    static readonly double[] NineErrors = [4, -3, 9, 0, -6, 2, 7, -1, -4];

    [Fact]
    public void AnOrderNamesQuantityPacksAndTrigger()
    {
        // (s, Q): D_L = 24, SS = 7 (8th of 9 errors at a = 0.8), s = 31; IP = 7; Q = 24 -> n = 2 -> 48 = 4 packs of 12.
        var s = ReplenishmentCalculator.Suggest(new SuggestionInput
        {
            OnHand = 7,
            Forecast = [12, 12],
            LeadTime = 2,
            ServiceLevel = 0.8,
            Policy = new ContinuousReviewPolicy(LotSize.Fixed(24)),
            SafetyStock = new EmpiricalSafetyStock(NineErrors),
            Constraints = new OrderConstraints { PackSize = 12 },
        });
        Assert.Equal("Order 48 (4 packs of 12): inventory position 7 is at or below the reorder point 31", s.Reason);
    }

    [Fact]
    public void NoOrderWhenThePositionCoversTheOrderUpToLevel()
    {
        // (R, S): L = 5, R = 1, forecast 16 per period -> D_P = 96. Errors all negative -> SS = 0, S = 96.
        // IP = 100 + 30 - 10 = 120 >= 96.
        var s = ReplenishmentCalculator.Suggest(new SuggestionInput
        {
            OnHand = 100,
            OnOrder = 30,
            Backorders = 10,
            Forecast = [16, 16, 16, 16, 16, 16],
            LeadTime = 5,
            ReviewPeriod = 1,
            ServiceLevel = 0.95,
            Policy = new PeriodicReviewPolicy(),
            SafetyStock = new EmpiricalSafetyStock([-3, -2, -1]),
            Constraints = new OrderConstraints { PackSize = 12 },
        });
        Assert.Equal(0, s.OrderQuantity);
        Assert.Equal(-24, s.Order.RawNeed, 10);
        Assert.Equal("No order: inventory position 120 covers the order-up-to level 96", s.Reason);
    }

    static SuggestionInput PeriodicCase(OrderConstraints constraints) => new()
    {
        // D_P = 54, SS = 15, S = 69, IP = 27, raw 42 -> 48 in packs of 12 (see ReplenishmentCalculatorTests).
        OnHand = 20,
        OnOrder = 10,
        Backorders = 3,
        Forecast = [8, 12, 10, 10, 14],
        LeadTime = 4,
        ReviewPeriod = 1,
        ServiceLevel = 0.95,
        Policy = new PeriodicReviewPolicy(),
        SafetyStock = new ForecastQuantileSafetyStock([11, 15, 13, 13, 17]),
        Constraints = constraints,
    };

    [Fact]
    public void TheReasonSaysWhichConstraintChangedTheQuantity()
    {
        // Raw 42 -> 48 -> MOQ 50 -> 60 (5 packs).
        var raised = ReplenishmentCalculator.Suggest(PeriodicCase(new() { PackSize = 12, MinimumOrderQuantity = 50 }));
        Assert.Equal("Order 60 (5 packs of 12): inventory position 27 is below the order-up-to level 69; raised to the minimum order quantity 50", raised.Reason);

        // Raw 42 -> 48 -> max 30 -> 24 (2 packs).
        var capped = ReplenishmentCalculator.Suggest(PeriodicCase(new() { PackSize = 12, MaximumOrderQuantity = 30 }));
        Assert.Equal("Order 24 (2 packs of 12): inventory position 27 is below the order-up-to level 69; capped at the maximum order quantity 30", capped.Reason);

        // Raw 42 -> 48 -> max stock 70: room 70 - 27 = 43 -> 36 (3 packs) < MOQ 50 -> no order.
        var blocked = ReplenishmentCalculator.Suggest(PeriodicCase(new() { PackSize = 12, MinimumOrderQuantity = 50, MaximumStock = 70 }));
        Assert.Equal(0, blocked.OrderQuantity);
        Assert.Equal("No order: inventory position 27 is below the order-up-to level 69, but the maximum stock 70 leaves room for only 36, below the minimum order quantity 50", blocked.Reason);
    }

    [Fact]
    public void OnePackIsSingularAndNumbersUseTheInvariantCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            // (s, S): D_L = 20, SS = 6.9785, s = 26.9785, Q = 5 -> S = 31.9785; IP = 25 -> raw 6.98 -> 1 pack of 12.
            var s = ReplenishmentCalculator.Suggest(new SuggestionInput
            {
                OnHand = 25,
                Forecast = [9, 11],
                LeadTime = 2,
                ServiceLevel = 0.95,
                Policy = new MinMaxPolicy(LotSize.Fixed(5)),
                SafetyStock = new NormalSafetyStock(DemandSd: 3),
                Constraints = new OrderConstraints { PackSize = 12 },
            });
            Assert.Equal("Order 12 (1 pack of 12): inventory position 25 is at or below the minimum 26.98, ordering up to the maximum 31.98", s.Reason);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
