using Microsoft.ML;
using Microsoft.ML.Data;

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

    public void Save(string path)
    {
        using var file = File.Create(path);
        ml.Model.Save(model, null, file);
    }
}
