using NexGen.Core.Forecasting;

namespace NexGen.Tests.Forecasting;

public class GlobalDemandModelTests
{
    static readonly string[] Names = ["horizon", "x"];

    /// <summary>A model that learned a constant label over horizons 1 .. 4 and x in 0 .. 9.</summary>
    static GlobalDemandModel Constant(float label)
    {
        var set = new TrainingSet(2);
        for (var h = 1; h <= 4; h++)
            for (var x = 0; x < 10; x++)
                set.Add([h, x], label);
        return new DemandModelTrainer(new GlobalModelOptions { Kind = ModelKind.FastTree, Trees = 5, Leaves = 2, MinimumExamplesPerLeaf = 1, LearningRate = 1 })
            .Train(set, Names);
    }

    [Fact]
    public void EachRowIsPredictedByTheModelOfItsHorizonBucket()
    {
        var model = GlobalDemandModel.ByHorizon([Constant(0), Constant(5), Constant(9)], bucketWidth: 2);

        // Horizons 1-2 -> the first model, 3-4 -> the second, 5 and beyond -> the last.
        var predictions = model.Predict([1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 40, 0]);

        Assert.Equal(3, model.Models);
        Assert.Equal([0f, 0f, 5f, 5f, 9f, 9f], predictions.Select(p => MathF.Round(p, 3)));
        Assert.Equal(6, model.Contributions([1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 40, 0], top: 2).Length);
    }

    [Fact]
    public void ABucketedModelSavesOneEntryPerBucket()
    {
        var model = GlobalDemandModel.ByHorizon([Constant(0), Constant(5)], bucketWidth: 7);
        var path = Path.Combine(Path.GetTempPath(), $"nexgen-buckets-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);

            using var archive = System.IO.Compression.ZipFile.OpenRead(path);
            Assert.Equal(["horizon-1-7.zip", "horizon-8-.zip"], archive.Entries.Select(e => e.FullName));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
