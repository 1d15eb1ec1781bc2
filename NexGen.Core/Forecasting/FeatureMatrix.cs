namespace NexGen.Core.Forecasting;

/// <summary>
/// Feature rows of the global model in one row-major buffer (<see cref="Width"/> floats per row), with each row's
/// scaled target, series, origin and target period. A run builds it once and trains every model on a slice of it
/// (<see cref="Select"/>), instead of rebuilding features per window.
/// </summary>
public sealed class FeatureMatrix
{
    public FeatureMatrix(int width, int rows)
    {
        Width = width;
        Values = new float[(long)rows * width];
        Labels = new float[rows];
        Weights = new float[rows];
        Series = new int[rows];
        Origins = new int[rows];
        Targets = new int[rows];
    }

    public int Width { get; }

    /// <summary>Whether the rows' targets are corrections to the seasonal base (<see cref="GlobalModelOptions.SeasonalBase"/>).</summary>
    public bool SeasonalBase { get; init; } = true;

    public int Count => Labels.Length;

    /// <summary>Row-major features: row r is <c>Values[r * Width .. (r + 1) * Width)</c>.</summary>
    public float[] Values { get; }

    /// <summary>Scaled targets (zero for rows that only predict).</summary>
    public float[] Labels { get; }

    /// <summary>Each row's weight in the loss (see <see cref="GlobalModelOptions.VolumeWeight"/>).</summary>
    public float[] Weights { get; }

    public int[] Series { get; }

    public int[] Origins { get; }

    public int[] Targets { get; }

    public Span<float> Row(int row) => Values.AsSpan(row * Width, Width);

    /// <summary>Indexes of the rows that satisfy <paramref name="keep"/>, ascending.</summary>
    public int[] Select(Func<int, bool> keep)
    {
        var rows = new List<int>();
        for (var r = 0; r < Count; r++)
            if (keep(r))
                rows.Add(r);
        return [.. rows];
    }
}
