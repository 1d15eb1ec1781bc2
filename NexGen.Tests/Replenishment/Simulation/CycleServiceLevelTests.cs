using NexGen.Core.Replenishment;
using NexGen.Core.Replenishment.Simulation;
using Xunit.Abstractions;

namespace NexGen.Tests.Replenishment.Simulation;

/// <summary>
/// On demand of a known distribution the simulated cycle service level lands on the target: 300 series of Poisson
/// weekly demand (means 5 to 50, seeded) over 260 weeks; the last 100 weeks are simulated with a forecaster that
/// estimates only from history (the moving average with its own rolling-origin errors). The moving average is the
/// right model for demand without trend or season, and 25 origins of the engine would take minutes, not seconds; the
/// engine's own service levels are measured on Walmart (docs/policy-simulation.md).
/// </summary>
public class CycleServiceLevelTests(ITestOutputHelper output)
{
    const int Series = 300, Weeks = 260;

    static double[][] PoissonDemand(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Series).Select(_ =>
        {
            var mean = 5 + 45 * random.NextDouble();
            return Enumerable.Range(0, Weeks).Select(_ => (double)Poisson(random, mean)).ToArray();
        }).ToArray();
    }

    /// <summary>Knuth's method: count uniforms until their product drops below e^-mean.</summary>
    static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var product = random.NextDouble(); product > limit; product *= random.NextDouble())
            k++;
        return k;
    }

    async Task<(SimulationMetrics At90, SimulationMetrics At98)> SimulateAsync(bool backorders)
    {
        await using var test = new TestStore();
        var panel = await WeeklySales.ImportAsync(test, PoissonDemand(seed: 11));
        // Lead times of 1, 2 and 3 weeks, weekly review.
        var items = panel.Series.Select(s => new SimulatedItem(s.Index, 1 + s.Index % 3, 1, new PeriodicReviewPolicy(), OrderConstraints.None, null)).ToList();
        var options = new SimulationOptions
        {
            From = Weeks - 100,
            To = Weeks - 1,
            RefitInterval = 4,
            ServiceLevels = [0.90, 0.98],
            StartCover = 3,
            NaiveCover = 4,
            NaiveWindow = 4,
            Backorders = backorders,
        };

        var result = PolicySimulator.Run(panel, items, new MovingAverageForecaster(panel, window: 52, errorOrigins: 104), options);

        var at90 = result.Policies.Single(p => p.ServiceLevel == 0.90).Metrics;
        var at98 = result.Policies.Single(p => p.ServiceLevel == 0.98).Metrics;
        // About 29,000 cycles: the standard error of a share near 0.9 is about 0.2 points.
        Assert.True(at90.Cycles > 25_000, $"{at90.Cycles} cycles");
        Assert.True(at98.FillRate > at90.FillRate);
        output.WriteLine($"{(backorders ? "backorders" : "lost sales")}: CSL {at90.CycleServiceLevel:P2} at 0.90, {at98.CycleServiceLevel:P2} at 0.98 over {at90.Cycles:N0} cycles");
        return (at90, at98);
    }

    [Fact]
    public async Task WithBackordersTheCycleServiceLevelIsWithinThreePointsOfTheTarget()
    {
        var (at90, at98) = await SimulateAsync(backorders: true);

        Assert.InRange(at90.CycleServiceLevel, 0.87, 0.93);
        Assert.InRange(at98.CycleServiceLevel, 0.95, 0.99);
    }

    [Fact]
    public async Task WithLostSalesTheCycleServiceLevelIsAtOrAboveTheTarget()
    {
        var (at90, at98) = await SimulateAsync(backorders: false);

        // Lost demand never draws stock below zero, so the next cycles start higher than the formula assumes.
        Assert.InRange(at90.CycleServiceLevel, 0.90, 0.96);
        Assert.InRange(at98.CycleServiceLevel, 0.95, 0.99);
    }
}
