namespace NexGen.Core.Forecasting;

/// <summary>Feature rows and scaled targets in flat arrays (row-major), ready for the trainer.</summary>
public sealed class TrainingSet(int featureCount)
{
    readonly List<float> _features = [];
    readonly List<float> _labels = [];

    public int FeatureCount => featureCount;

    public int Count => _labels.Count;

    public void Add(ReadOnlySpan<float> features, float label)
    {
        foreach (var value in features)
            _features.Add(value);
        _labels.Add(label);
    }

    public ReadOnlySpan<float> Features(int row) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_features).Slice(row * featureCount, featureCount);

    public float Label(int row) => _labels[row];
}
