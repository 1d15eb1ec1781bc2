using NexGen.Core.Replenishment;
using NexGen.Core.Replenishment.Simulation;

namespace NexGen.Tests.Replenishment.Simulation;

/// <summary>The dashboard's simulation: the recent window of the store's sales with the moving-average forecaster.</summary>
public class PolicySimulationServiceTests
{
    /// <summary>Two weekly series of 30 weeks (10 and 5 a week with a bump every 4th week), one with a unit cost.</summary>
    static Task ImportAsync(TestStore test, int weeks = 30) => WeeklySales.ImportAsync(test,
        [[.. Enumerable.Range(0, weeks).Select(w => w % 4 == 0 ? 16.0 : 10)], [.. Enumerable.Range(0, weeks).Select(w => w % 4 == 1 ? 9.0 : 5)]],
        "sku,unit_cost,pack_size\nS001,2,6\n");

    [Fact]
    public async Task SimulatesTheLastWeeksNaiveFirstThenEachTarget()
    {
        await using var test = new TestStore();
        await ImportAsync(test);
        var phases = new List<(string Phase, double Fraction)>();

        var report = await new PolicySimulationService(test.Store, new ReplenishmentOptions())
            .RunAsync(new PolicySimulationRequest(WindowDays: 8 * 7), new InlineProgress(phases.Add));

        var result = report.Result;
        // 30 weeks from 2024-01-05: the last 8 are weeks 22 to 29.
        Assert.Equal((new DateOnly(2024, 1, 5).AddDays(7 * 22), new DateOnly(2024, 1, 5).AddDays(7 * 29)), (result.From, result.To));
        Assert.Equal((7, 2, ReplenishmentOptions.Periodic, 0), (report.PeriodDays, report.SimulatedSeries, report.Policy, result.SkippedSeries));
        Assert.Equal([(PolicySimulator.Naive, null), (PolicySimulator.NexGen, 0.90), (PolicySimulator.NexGen, 0.95), (PolicySimulator.NexGen, 0.98), (PolicySimulator.NexGen, 0.99)],
            result.Policies.Select(p => (p.Policy, p.ServiceLevel)));
        Assert.StartsWith("moving average", result.Forecaster);
        Assert.All(result.Policies, p => Assert.InRange(p.Metrics.FillRate, 0.5, 1));
        // Demand is the same for every policy: 8 weeks of both series.
        Assert.All(result.Policies, p => Assert.Equal(result.Policies[0].Metrics.Demand, p.Metrics.Demand));
        Assert.Equal(("loading sales", 0.0), phases[0]);
        Assert.Equal(("finished", 1.0), phases[^1]);
        Assert.True(phases.Select(p => p.Fraction).Zip(phases.Select(p => p.Fraction).Skip(1)).All(p => p.First <= p.Second), "progress only moves forward");
    }

    [Fact]
    public async Task AHistoryTooShortForTheNaiveWindowSaysSo()
    {
        await using var test = new TestStore();
        await ImportAsync(test, weeks: 4);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new PolicySimulationService(test.Store, new ReplenishmentOptions()).RunAsync(new PolicySimulationRequest()));

        Assert.Equal("The sales history is too short for a simulation: it needs more than 4 weeks of sales before the simulated window, and it has 4 weeks.", error.Message);
    }

    [Fact]
    public async Task CancellingStopsTheSimulation()
    {
        await using var test = new TestStore();
        await ImportAsync(test);
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress(p =>
        {
            if (p.Fraction > 0.1)
                cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new PolicySimulationService(test.Store, new ReplenishmentOptions()).RunAsync(new PolicySimulationRequest(WindowDays: 8 * 7), progress, cancel.Token));
    }

    sealed class InlineProgress(Action<(string Phase, double Fraction)> report) : IProgress<(string Phase, double Fraction)>
    {
        public void Report((string Phase, double Fraction) value) => report(value);
    }
}
