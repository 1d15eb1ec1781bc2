namespace NexGen.Core.Forecasting;

/// <summary>Settings of the global gradient-boosted model; the defaults suit daily and weekly retail data.</summary>
public sealed record GlobalModelOptions
{
    public ModelKind Kind { get; init; } = ModelKind.LightGbm;

    /// <summary>Training origins go back this many periods from the cutoff (the recent window the model learns from).</summary>
    public int TrainingWindow { get; init; } = 104;

    /// <summary>
    /// Training rows (series x origin x horizon) are sampled down to at most this many, deterministically, each series
    /// keeping a share that grows with its volume (see <see cref="GlobalForecaster.BuildRows"/>).
    /// </summary>
    public int MaxTrainingRows { get; init; } = 1_000_000;

    /// <summary>Most trees; with early stopping (LightGBM) the calibration model finds how many pay.</summary>
    public int Trees { get; init; } = 400;

    /// <summary>LightGBM stops when the calibration windows' error has not improved for this many trees.</summary>
    public int EarlyStoppingRounds { get; init; } = 25;

    public int Leaves { get; init; } = 63;
    public int MinimumExamplesPerLeaf { get; init; } = 50;
    public double LearningRate { get; init; } = 0.08;

    /// <summary>Seed of the ML.NET context and of the row sampling: the same data and settings give the same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Threads for training; 0 = all cores. Results do not depend on it.</summary>
    public int Threads { get; init; }
}
