using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace NexGen.Core.Forecasting;

/// <summary>A trained global model: predicts scaled demand from feature rows.</summary>
public sealed class GlobalDemandModel(MLContext ml, ITransformer model, SchemaDefinition schema, IReadOnlyList<string> featureNames)
{
    public IReadOnlyList<string> FeatureNames => featureNames;

    /// <summary>Scaled predictions for rows of <paramref name="features"/> (row-major, <see cref="FeatureNames"/> wide).</summary>
    public float[] Predict(float[] features)
    {
        var width = featureNames.Count;
        var rows = Enumerable.Range(0, features.Length / width)
            .Select(r => new FeatureRow { Features = features.AsSpan(r * width, width).ToArray() });
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows, schema));
        return scored.GetColumn<float>("Score").ToArray();
    }

    /// <summary>Global importance: each feature's share of the trees' split gain, largest first.</summary>
    public IReadOnlyList<(string Feature, double Share)> Importance()
    {
        if (model is not ISingleFeaturePredictionTransformer<TreeEnsembleModelParameters> trees)
            return [];
        VBuffer<float> weights = default;
        trees.Model.GetFeatureWeights(ref weights);
        var values = weights.DenseValues().ToArray();
        var total = values.Sum(v => (double)Math.Abs(v));
        return values.Select((v, i) => (featureNames[i], total > 0 ? Math.Abs(v) / total : 0))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Per row, the <paramref name="top"/> features that moved the (scaled) prediction most, with their contributions
    /// in the model's scaled units, largest absolute contribution first.
    /// </summary>
    public IReadOnlyList<(string Feature, float Contribution)>[] Contributions(float[] features, int top)
    {
        if (model is not ISingleFeaturePredictionTransformer<ICalculateFeatureContribution> explainable)
            return [];
        var width = featureNames.Count;
        var rows = Enumerable.Range(0, features.Length / width)
            .Select(r => new FeatureRow { Features = features.AsSpan(r * width, width).ToArray() });
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var calculator = ml.Transforms.CalculateFeatureContribution(explainable, numberOfPositiveContributions: top, numberOfNegativeContributions: top, normalize: false);
        var scored = calculator.Fit(model.Transform(data)).Transform(model.Transform(data));
        return scored.GetColumn<float[]>("FeatureContributions")
            .Select(values => (IReadOnlyList<(string, float)>)values.Select((v, i) => (featureNames[i], v))
                .Where(x => x.v != 0).OrderByDescending(x => Math.Abs(x.v)).ThenBy(x => x.Item1, StringComparer.Ordinal).Take(top).ToList())
            .ToArray();
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        ml.Model.Save(model, null, file);
    }
}
