using NexGen.Core.Replenishment;
using NexGen.Core.Replenishment.Simulation;

namespace NexGen.Tests.Replenishment.Simulation;

public class PolicySimulatorTests
{
    static readonly SimulationOptions Window = new()
    {
        From = 20,
        To = 23,
        RefitInterval = 4,
        ServiceLevels = [0.95],
        StartCover = 2,
        NaiveCover = 4,
        NaiveWindow = 4,
    };

    /// <summary>10 units a week for 22 weeks, a spike of 25 in week 22, then 10.</summary>
    static double[] SpikeDemand() => [.. Enumerable.Repeat(10.0, 22), 25, 10];

    [Fact]
    public async Task ReplayMatchesAHandComputedLedger()
    {
        await using var test = new TestStore();
        var panel = await WeeklySales.ImportAsync(test, [SpikeDemand()]);
        var item = new SimulatedItem(0, LeadTime: 1, ReviewPeriod: 1, new PeriodicReviewPolicy(), OrderConstraints.None, UnitCost: 2);

        var result = PolicySimulator.Run(panel, [item], new MovingAverageForecaster(panel, 4, 104), Window);

        // Both start with 2 x 10 = 20 on hand. NexGen: forecast 10, errors all 0, so S = D_P = 20 (L = R = 1).
        // Review 19: IP 20, no order. Week 20: 10 left; review: order 10 (arrives week 22). Week 21: 0 left; order 10
        // (week 23). Week 22: 10 received, demand 25, 15 lost. Review 22: order 10 (after the window). Week 23: 10 in, 10 out.
        var nexgen = result.Policies.Single(p => p.Policy == PolicySimulator.NexGen).Metrics;
        Assert.Equal((55.0, 40.0, 1, 3), (nexgen.Demand, nexgen.Served, nexgen.StockOutPeriods, nexgen.Orders));
        Assert.Equal(40.0 / 55, nexgen.FillRate, 9);
        // Cycles: review t protects week t + 2; reviews 19, 20, 21 end inside the window, 20's (week 22) stocks out.
        Assert.Equal((3, 1), (nexgen.Cycles, nexgen.CyclesWithStockOut));
        Assert.Equal((10 + 0 + 0 + 0) / 4.0, nexgen.AverageInventory, 9);
        Assert.Equal(2 * 2.5, nexgen.AverageInventoryValue!.Value, 9);

        // Naive: up to 4 x 10 = 40. Review 19: order 20. Week 20: 10; order 10. Week 21: +20 -10 = 20; order 10.
        // Week 22: +10 -25 = 5; trailing mean (10 + 10 + 10 + 25) / 4 = 13.75, up to 55: order 40. Week 23: +10 -10 = 5.
        var naive = result.Policies.Single(p => p.Policy == PolicySimulator.Naive).Metrics;
        Assert.Equal((55.0, 55.0, 0, 4), (naive.Demand, naive.Served, naive.StockOutPeriods, naive.Orders));
        Assert.Equal((3, 0), (naive.Cycles, naive.CyclesWithStockOut));
        Assert.Equal((10 + 20 + 5 + 5) / 4.0, naive.AverageInventory, 9);
        Assert.Equal(10 / 13.75, naive.Cover, 9);
        Assert.Equal([new DateOnly(2024, 1, 5).AddDays(7 * 19)], result.Origins);
    }

    [Fact]
    public async Task PackSizeAppliesToBothPolicies()
    {
        await using var test = new TestStore();
        var panel = await WeeklySales.ImportAsync(test, [SpikeDemand()]);
        var item = new SimulatedItem(0, 1, 1, new PeriodicReviewPolicy(), new OrderConstraints { PackSize = 12 }, null);

        var result = PolicySimulator.Run(panel, [item], new MovingAverageForecaster(panel, 4, 104), Window);

        // NexGen: review 20 needs 10 -> 12 (week 22); week 21: 0 left, IP 12 -> needs 8 -> 12 (week 23);
        // week 22: 12 in, 25 demanded, 13 lost; IP 12 -> 12. Week 23: 12 in, 10 out -> 2.
        var nexgen = result.Policies.Single(p => p.Policy == PolicySimulator.NexGen).Metrics;
        Assert.Equal((42.0, 3, (10 + 0 + 0 + 2) / 4.0), (nexgen.Served, nexgen.Orders, nexgen.AverageInventory));
        Assert.Null(nexgen.AverageInventoryValue);
        // Naive: 20 -> 24 (week 21), week 20: 10, IP 34 -> 6 -> 12 (week 22); week 21: 24 in -> 24, IP 36 -> 4 -> 12;
        // week 22: 12 in -> 36 - 25 = 11, IP 23, up to 55 -> 32 -> 36; week 23: 12 in -> 23 - 10 = 13.
        var naive = result.Policies.Single(p => p.Policy == PolicySimulator.Naive).Metrics;
        Assert.Equal((55.0, 4, (10 + 24 + 11 + 13) / 4.0), (naive.Served, naive.Orders, naive.AverageInventory));
    }

    [Fact]
    public async Task ContinuousReviewCountsCyclesFromReceiptToReceipt()
    {
        await using var test = new TestStore();
        var panel = await WeeklySales.ImportAsync(test, [[.. Enumerable.Repeat(10.0, 22), 25, .. Enumerable.Repeat(10.0, 5)]]);
        var item = new SimulatedItem(0, LeadTime: 1, ReviewPeriod: 1, new ContinuousReviewPolicy(LotSize.Fixed(30)), OrderConstraints.None, null);

        var result = PolicySimulator.Run(panel, [item], new MovingAverageForecaster(panel, 4, 104), Window with { To = 27, RefitInterval = 100 });

        // s = D_L = 10 (errors 0). Start 20. Week 20: 10, IP 10 <= s: order 30 (week 22). Week 21: 0. Week 22: +30 - 25 = 5;
        // order 30 (week 24). Week 23: 5 of 10 served. Week 24: +30 - 10 = 20. Week 25: 10; order 30 (week 27).
        // Week 26: 0. Week 27: +30 - 10 = 20. Receipts 22, 24, 27: cycles 22-23 (stock-out in 23) and 24-26.
        var nexgen = result.Policies.Single(p => p.Policy == PolicySimulator.NexGen).Metrics;
        Assert.Equal((95.0, 90.0, 1, 3), (nexgen.Demand, nexgen.Served, nexgen.StockOutPeriods, nexgen.Orders));
        Assert.Equal((2, 1), (nexgen.Cycles, nexgen.CyclesWithStockOut));
        Assert.Equal((10 + 0 + 5 + 0 + 20 + 10 + 0 + 20) / 8.0, nexgen.AverageInventory, 9);
    }

    [Fact]
    public async Task SeriesWithoutEnoughHistoryAreLeftOut()
    {
        await using var test = new TestStore();
        double[] late = [.. Enumerable.Repeat(0.0, 18), .. Enumerable.Repeat(5.0, 6)];
        var panel = await WeeklySales.ImportAsync(test, [SpikeDemand(), late]);
        var items = panel.Series.Select(s => new SimulatedItem(s.Index, 1, 1, new PeriodicReviewPolicy(), OrderConstraints.None, null)).ToList();

        var result = PolicySimulator.Run(panel, items, new MovingAverageForecaster(panel, 4, 104), Window);

        Assert.Equal(1, result.SkippedSeries);
        Assert.Equal(["S001", "S001"], result.Series.Select(s => s.Sku));
    }

    [Fact]
    public async Task CancellationStopsTheRun()
    {
        await using var test = new TestStore();
        var panel = await WeeklySales.ImportAsync(test, [SpikeDemand()]);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        Assert.Throws<OperationCanceledException>(() => PolicySimulator.Run(panel,
            [new SimulatedItem(0, 1, 1, new PeriodicReviewPolicy(), OrderConstraints.None, null)],
            new MovingAverageForecaster(panel, 4, 104), Window, cancellationToken: cancel.Token));
    }
}
