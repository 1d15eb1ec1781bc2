using NexGen.Core.Features;
using NexGen.Core.Forecasting;
using NexGen.Core.Ingestion;
using NexGen.Core.Replenishment;
using NexGen.Core.Replenishment.Simulation;
using NexGen.Core.Samples;

namespace NexGen.Tests.Replenishment.Simulation;

/// <summary>The simulator with the real engine and its error profile, on a small generated set (daily, 24 series).</summary>
public class EngineSimulationTests
{
    [Fact]
    public async Task EngineForecastsAreRefittedOnScheduleAndAHigherTargetHoldsMoreAndServesMore()
    {
        await using var test = new TestStore();
        var folder = Path.Combine(test.Folder, "data");
        await new SampleDataGenerator().GenerateAsync(new SampleDataOptions(Locations: 2, Skus: 12, Days: 300, Seed: 5), folder);
        Assert.All(await new FolderImporter(test.Importer).ImportAsync(folder), r => Assert.Equal(ImportStatus.Succeeded, r.Status));
        var panel = await new SalesPanelLoader(test.Store).LoadAsync();
        var items = await SimulationItems.LoadAsync(test.Store, panel, new ReplenishmentOptions(), panel.Periods - 28);
        var engine = new EngineForecastSource(panel, new ForecastEngineOptions
        {
            Horizon = 1,
            CalibrationWindows = 1,
            Model = new GlobalModelOptions { Kind = ModelKind.FastTree, Trees = 40, MaxTrainingRows = 40_000, TrainingWindow = 120 },
        });
        var phases = new List<string>();

        var result = PolicySimulator.Run(panel, items, engine, new SimulationOptions
        {
            From = panel.Periods - 28,
            To = panel.Periods - 1,
            RefitInterval = 14,
            ServiceLevels = [0.98, 0.80],
            NaiveCover = 28,
            NaiveWindow = 28,
        }, new SynchronousProgress(phases));

        Assert.Equal([panel.DateOf(panel.Periods - 29), panel.DateOf(panel.Periods - 15)], result.Origins);
        Assert.Contains(phases, p => p.StartsWith("origin 2/2 (", StringComparison.Ordinal));
        Assert.Equal((0, 24 * 3), (result.SkippedSeries, result.Series.Count));
        Assert.Equal([PolicySimulator.Naive, PolicySimulator.NexGen, PolicySimulator.NexGen], result.Policies.Select(p => p.Policy));
        var low = result.Policies[1];
        var high = result.Policies[2];
        Assert.Equal((0.80, 0.98), (low.ServiceLevel, high.ServiceLevel));
        Assert.True(high.Metrics.AverageInventory > low.Metrics.AverageInventory);
        Assert.True(high.Metrics.FillRate >= low.Metrics.FillRate);
        Assert.True(high.Metrics.AverageInventoryValue > 0);
    }

    sealed class SynchronousProgress(List<string> phases) : IProgress<(string Phase, double Fraction)>
    {
        public void Report((string Phase, double Fraction) value) => phases.Add(value.Phase);
    }
}
