namespace NexGen.Core.Forecasting;

/// <summary>The row ML.NET reads: a feature vector and (for training) the scaled target.</summary>
public sealed class FeatureRow
{
    public float Label { get; set; }

    public float[] Features { get; set; } = [];
}
