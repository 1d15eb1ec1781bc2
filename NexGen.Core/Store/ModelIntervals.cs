namespace NexGen.Core.Store;

/// <summary>
/// A model's prediction-interval offsets: per quantile level (e.g. 0.1, 0.5, 0.9, 0.95), the normalised residual
/// quantile for horizons 1 .. H (index h - 1); the quantile forecast is point + offset x (|point| + 0.1 x scale).
/// </summary>
public sealed record ModelIntervals(IReadOnlyList<double> Levels, IReadOnlyList<double[]> Offsets)
{
    /// <summary>Horizons covered: the length of each level's offsets (0 when there are none).</summary>
    public int Horizon => Offsets.Count == 0 ? 0 : Offsets[0].Length;
}
