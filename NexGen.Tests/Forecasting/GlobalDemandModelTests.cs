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
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
            var loaded = GlobalDemandModel.Load(path, hash, Names, seed: 1);

            var predictions = model.Predict(matrix);
            Assert.InRange(predictions[0], -0.1, 0.15);
            Assert.InRange(predictions[^1], 4.7, 5.1);
            Assert.Equal(predictions, loaded.Predict(matrix));

            // One byte changed: the load refuses the file and says what to do.
            var bytes = File.ReadAllBytes(path);
            bytes[bytes.Length / 2] ^= 0x5A;
            File.WriteAllBytes(path, bytes);
            var tampered = Assert.Throws<InvalidDataException>(() => GlobalDemandModel.Load(path, hash, Names, seed: 1));
            Assert.Contains("is not the one saved", tampered.Message);
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

    [Theory]
    [InlineData(ModelKind.LightGbm)]
    [InlineData(ModelKind.FastTree)]
    [InlineData(ModelKind.FastTreeTweedie)]
    public void TheFlatTreesScoreAsMlNetDoes(ModelKind kind)
    {
        // 4,000 rows of 6 seeded random features (one of them -1 "missing" a third of the time), a non-linear label.
        var random = new Random(7);
        var matrix = new FeatureMatrix(6, 4000);
        for (var r = 0; r < matrix.Count; r++)
        {
            var row = matrix.Row(r);
            for (var f = 0; f < 6; f++)
                row[f] = f == 5 && r % 3 == 0 ? -1 : (float)random.NextDouble() * 10;
            matrix.Labels[r] = (float)(Math.Sin(row[0]) * row[1] + (row[2] > 5 ? 3 : 0) + row[5] / 4 + 5);
            matrix.Weights[r] = 1;
        }
        string[] names = ["a", "b", "c", "d", "e", "f"];
        var options = new GlobalModelOptions { Kind = kind, Trees = 60, Leaves = 31, MinimumExamplesPerLeaf = 5 };
        var model = new DemandModelTrainer(options).Train(matrix, matrix.Select(_ => true), names);

        var predicted = model.Predict(matrix);
        var reference = model.ScoreWithMlNet(matrix, 0, matrix.Count).ToArray();

        for (var r = 0; r < matrix.Count; r++)
            Assert.Equal(reference[r], predicted[r], 4);
        Assert.True(predicted.Distinct().Count() > 100);
    }
}
