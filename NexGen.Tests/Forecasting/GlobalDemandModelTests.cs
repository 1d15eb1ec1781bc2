using NexGen.Core.Forecasting;

namespace NexGen.Tests.Forecasting;

public class GlobalDemandModelTests
{
    static readonly string[] Names = ["horizon", "x"];

    /// <summary>Rows over horizons 1 .. 4 and x in 0 .. 49, labelled x / 10 (plus a fixed wiggle on odd rows).</summary>
    static FeatureMatrix Rows()
    {
        var matrix = new FeatureMatrix(2, 200);
        for (var r = 0; r < matrix.Count; r++)
        {
            matrix.Values[r * 2] = r % 4 + 1;
            matrix.Values[r * 2 + 1] = r / 4;
            matrix.Labels[r] = r / 4 / 10f + (r % 2 == 0 ? 0 : 0.05f);
        }
        return matrix;
    }

    static GlobalModelOptions Options(ModelKind kind) =>
        new() { Kind = kind, Trees = 200, Leaves = 4, MinimumExamplesPerLeaf = 2, LearningRate = 0.3, EarlyStoppingRounds = 5 };

    [Theory]
    [InlineData(ModelKind.LightGbm)]
    [InlineData(ModelKind.FastTree)]
    public void AModelLearnsFromTheMatrixAndReadsTheSameAfterSaving(ModelKind kind)
    {
        var matrix = Rows();
        var model = new DemandModelTrainer(Options(kind)).Train(matrix, matrix.Select(_ => true), Names);
        var path = Path.Combine(Path.GetTempPath(), $"nexgen-model-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);
            var loaded = GlobalDemandModel.Load(path, Names, seed: 1);

            var predictions = model.Predict(matrix);
            Assert.InRange(predictions[0], -0.1, 0.15);
            Assert.InRange(predictions[^1], 4.7, 5.1);
            Assert.Equal(predictions, loaded.Predict(matrix));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EarlyStoppingKeepsOnlyTheTreesThatHelpTheValidationRows()
    {
        var matrix = Rows();
        var training = matrix.Select(r => r < 160);
        var validation = matrix.Select(r => r >= 160);

        var stopped = new DemandModelTrainer(Options(ModelKind.LightGbm)).Train(matrix, training, Names, validation);
        var full = new DemandModelTrainer(Options(ModelKind.LightGbm)).Train(matrix, training, Names);

        Assert.Equal(200, full.Trees);
        Assert.InRange(stopped.Trees, 1, 199);
    }
}
