namespace NexGen.Core.Forecasting;

/// <summary>Settings of the global gradient-boosted model; the defaults suit daily and weekly retail data.</summary>
public sealed record GlobalModelOptions
{
    public ModelKind Kind { get; init; } = ModelKind.Auto;

    /// <summary>Training origins go back this many periods from the cutoff (the recent window the model learns from).</summary>
    public int TrainingWindow { get; init; } = 104;

    /// <summary>Training rows (series x origin x horizon) are sampled down to at most this many, deterministically.</summary>
    public int MaxTrainingRows { get; init; } = 2_000_000;

    /// <summary>
    /// 1 (the default, chosen by backtest): one model for every horizon, the horizon being a feature. N &gt; 1: one model
    /// per bucket of ceil(horizon / N) consecutive horizons, each trained on its own horizons' rows.
    /// </summary>
    public int HorizonBuckets { get; init; } = 1;

    public int Trees { get; init; } = 300;
    public int Leaves { get; init; } = 63;
    public int MinimumExamplesPerLeaf { get; init; } = 50;
    public double LearningRate { get; init; } = 0.08;

    /// <summary>Seed of the ML.NET context and of the row sampling: the same data and settings give the same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Threads for training; 0 = all cores. Results do not depend on it.</summary>
    public int Threads { get; init; }
}
