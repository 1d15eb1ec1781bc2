using NexGen.Core.Replenishment;
using NexGen.Core.Replenishment.Simulation;

namespace NexGen.Tests.Replenishment.Simulation;

public class SimulationItemsTests
{
    [Fact]
    public async Task ProductTableParametersBecomeWholePeriodsOfTheGrain()
    {
        await using var test = new TestStore();
        double[] demand = [.. Enumerable.Repeat(7.0, 60)];
        var panel = await WeeklySales.ImportAsync(test, [demand, demand],
            "sku,unit_cost,pack_size,min_order_qty,max_order_qty,lead_time_days\nS001,2.5,12,24,240,10\n");

        var items = await SimulationItems.LoadAsync(test.Store, panel, new ReplenishmentOptions { LeadTimeDays = 7, ReviewPeriodDays = 14 }, 52);

        // S001: 10 days are 2 weeks (an order landing mid-week serves the week after); S002 has no product row: 7 days = 1 week.
        Assert.Equal((0, 2, 2, 2.5), (items[0].Series, items[0].LeadTime, items[0].ReviewPeriod, items[0].UnitCost));
        Assert.Equal(new OrderConstraints { PackSize = 12, MinimumOrderQuantity = 24, MaximumOrderQuantity = 240 }, items[0].Constraints);
        Assert.Equal((1, 2, (double?)null), (items[1].LeadTime, items[1].ReviewPeriod, items[1].UnitCost));
        Assert.IsType<PeriodicReviewPolicy>(items[1].Policy);
    }

    [Fact]
    public async Task ContinuousReviewGetsAnEoqLotFromLastYearsDemand()
    {
        await using var test = new TestStore();
        double[] demand = [.. Enumerable.Repeat(7.0, 60)];
        var panel = await WeeklySales.ImportAsync(test, [demand], "sku,unit_cost\nS001,2\n");

        var items = await SimulationItems.LoadAsync(test.Store, panel,
            new ReplenishmentOptions { Policy = ReplenishmentOptions.Continuous, OrderCost = 25, HoldingRatePerYear = 0.25 }, 53);

        // D = 7 a week x 365 / 7 = 365 a year; EOQ = sqrt(2 x 365 x 25 / (2 x 0.25)) = sqrt(36,500) = 191.05 -> 191.
        var policy = Assert.IsType<ContinuousReviewPolicy>(items[0].Policy);
        Assert.Equal(191, policy.LotSize.Quantity);
    }
}
