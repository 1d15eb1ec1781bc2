namespace NexGen.Core.Forecasting;

/// <summary>The learner and loss of the global gradient-boosted model (stored by number: append, never reorder).</summary>
public enum ModelKind
{
    /// <summary>Backtest LightGBM and FastTree Tweedie on the calibration windows and keep the one with the lower WRMSSE.</summary>
    Auto,

    /// <summary>FastTree regression, squared error on the scaled corrections to the seasonal base.</summary>
    FastTree,

    /// <summary>FastTree with a Tweedie loss on scaled demand, for non-negative counts with many zeros.</summary>
    FastTreeTweedie,

    /// <summary>LightGBM regression, squared error on the scaled corrections to the seasonal base (the default).</summary>
    LightGbm,
}
