namespace NexGen.Core.Forecasting;

/// <summary>Settings of the global gradient-boosted model; the defaults suit daily and weekly retail data.</summary>
public sealed record GlobalModelOptions
{
    public ModelKind Kind { get; init; } = ModelKind.LightGbm;

    /// <summary>Training origins go back this many periods from the cutoff (the recent window the model learns from).</summary>
    public int TrainingWindow { get; init; } = 104;

    /// <summary>
    /// Training rows (series x origin x horizon) are sampled down to at most this many, deterministically (chosen by
    /// backtest: 500,000 rows forecast as well as 1 or 2 million on the generated 3,000-series set and on Walmart, in
    /// half the time).
    /// </summary>
    public int MaxTrainingRows { get; init; } = 500_000;

    /// <summary>Trees (boosting rounds); with early stopping, the most trees.</summary>
    public int Trees { get; init; } = 300;

    /// <summary>
    /// 0 (the default, chosen by backtest): every model gets <see cref="Trees"/> trees. N &gt; 0 (LightGBM only): the
    /// calibration model stops once its error on the calibration windows has not improved for N trees, and the final
    /// model gets as many trees. On Walmart it stopped after 17 trees on the summer calibration windows and lost the
    /// holiday corrections (WRMSSE 0.835 against 0.786), so it is off unless asked for.
    /// </summary>
    public int EarlyStoppingRounds { get; init; }

    /// <summary>
    /// Each training row weighs its series' scale (mean demand per period) to this power in the loss: 0 = every row
    /// alike (scaled targets make every series count the same); 1 = as its volume, as WAPE and WRMSSE count it.
    /// </summary>
    public double VolumeWeight { get; init; }

    public int Leaves { get; init; } = 63;
    public int MinimumExamplesPerLeaf { get; init; } = 50;
    public double LearningRate { get; init; } = 0.08;

    /// <summary>
    /// Whether the model learned corrections to the seasonal base (true) or to the recent-mean fallback (false, when
    /// under a tenth of the training targets had a year of history before them). Set by training and kept with the
    /// model, so forecasts read the same base the model learned from.
    /// </summary>
    public bool SeasonalBase { get; init; } = true;

    /// <summary>
    /// The forecast is the base plus this share of the model's correction (1: all of it). Chosen by each training run on
    /// its calibration windows (<see cref="ForecastEngine"/>) and kept with the model: where the trees' corrections
    /// overshoot out of sample (on Walmart they smooth last year's holiday peaks away), damping them pays.
    /// </summary>
    public double Damping { get; init; } = 1;

    /// <summary>Seed of the ML.NET context and of the row sampling: the same data and settings give the same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Threads for training; 0 = all cores. Results do not depend on it.</summary>
    public int Threads { get; init; }
}
