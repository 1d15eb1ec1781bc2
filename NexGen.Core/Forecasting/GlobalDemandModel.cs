using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace NexGen.Core.Forecasting;

/// <summary>A trained global model: predicts scaled demand from rows of a <see cref="FeatureMatrix"/>.</summary>
public sealed class GlobalDemandModel(MLContext ml, ITransformer model, IReadOnlyList<string> featureNames)
{
    public IReadOnlyList<string> FeatureNames => featureNames;

    /// <summary>Trees in the ensemble (after early stopping, the best number).</summary>
    public int Trees => Ensemble?.TrainedTreeEnsemble.Trees.Count ?? 0;

    TreeEnsembleModelParametersBasedOnRegressionTree? Ensemble =>
        (model as ISingleFeaturePredictionTransformer<TreeEnsembleModelParametersBasedOnRegressionTree>)?.Model;

    FlatTreeEnsemble? Flat => _flat ??= FlatTreeEnsemble.From(Ensemble);

    FlatTreeEnsemble? _flat;

    /// <summary>
    /// Scaled predictions for every row of <paramref name="matrix"/>, in order, scored from the flat copy of the trees
    /// where there is one (otherwise through ML.NET), in one contiguous slice of rows per core.
    /// </summary>
    public float[] Predict(FeatureMatrix matrix)
    {
        var result = new float[matrix.Count];
        var slices = Math.Clamp(matrix.Count / 10_000, 1, Environment.ProcessorCount);
        var flat = Flat;
        Parallel.For(0, slices, slice =>
        {
            var from = (int)((long)matrix.Count * slice / slices);
            var to = (int)((long)matrix.Count * (slice + 1) / slices);
            if (flat is not null)
            {
                for (var r = from; r < to; r++)
                    result[r] = flat.Score(matrix.Row(r));
                return;
            }
            var i = from;
            foreach (var score in ScoreWithMlNet(matrix, from, to))
                result[i++] = score;
        });
        return result;
    }

    /// <summary>ML.NET's own scores of rows <paramref name="from"/> .. <paramref name="to"/> - 1.</summary>
    internal IEnumerable<float> ScoreWithMlNet(FeatureMatrix matrix, int from, int to) =>
        model.Transform(new MatrixDataView(matrix, [.. Enumerable.Range(from, to - from)])).GetColumn<float>("Score");

    /// <summary>Global importance: each feature's share of the trees' split gain, largest first.</summary>
    public IReadOnlyList<(string Feature, double Share)> Importance()
    {
        if (Ensemble is not { } trees)
            return [];
        VBuffer<float> weights = default;
        trees.GetFeatureWeights(ref weights);
        var values = weights.DenseValues().ToArray();
        var total = values.Sum(v => (double)Math.Abs(v));
        return values.Select((v, i) => (featureNames[i], total > 0 ? Math.Abs(v) / total : 0))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Per row of <paramref name="matrix"/>, the <paramref name="top"/> features that moved the (scaled) prediction
    /// most, with their contributions in the model's scaled units, largest absolute contribution first.
    /// </summary>
    public IReadOnlyList<(string Feature, float Contribution)>[] Contributions(FeatureMatrix matrix, int top)
    {
        if (model is not ISingleFeaturePredictionTransformer<ICalculateFeatureContribution> explainable)
            return [];
        var scored = model.Transform(new MatrixDataView(matrix));
        var calculator = ml.Transforms.CalculateFeatureContribution(explainable, numberOfPositiveContributions: top, numberOfNegativeContributions: top, normalize: false);
        var contributions = calculator.Fit(scored).Transform(scored).GetColumn<float[]>("FeatureContributions").ToArray();
        return contributions.Select(row => (IReadOnlyList<(string, float)>)row.Select((v, f) => (featureNames[f], v))
            .Where(x => x.v != 0).OrderByDescending(x => Math.Abs(x.v)).ThenBy(x => x.Item1, StringComparer.Ordinal).Take(top).ToList()).ToArray();
    }

    /// <summary>Saves the model as an ML.NET zip.</summary>
    public void Save(string path)
    {
        using var file = File.Create(path);
        ml.Model.Save(model, MatrixDataView.SchemaFor(featureNames.Count), file);
    }

    /// <summary>
    /// Loads a model written by <see cref="Save"/>, after checking that the file is the one saved: its SHA-256 must be
    /// <paramref name="sha256"/> (lower-case hex), or the load fails, since a changed model file could make any forecast.
    /// </summary>
    /// <param name="featureNames">The feature names it was trained with, in order.</param>
    /// <param name="seed">Seed of the ML.NET context (predictions do not depend on it).</param>
    public static GlobalDemandModel Load(string path, string sha256, IReadOnlyList<string> featureNames, int seed)
    {
        using var file = File.OpenRead(path);
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException(
                $"The model file {path} is not the one saved (SHA-256 {actual}, recorded {sha256}): it changed since. " +
                "Retrain (a forecast run without --predict) or roll back to another model (`nexgen models rollback`).");
        file.Position = 0;
        var ml = new MLContext(seed);
        return new GlobalDemandModel(ml, ml.Model.Load(file, out _), featureNames);
    }
}
