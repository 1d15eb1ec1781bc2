namespace NexGen.Core.Forecasting;

/// <summary>The loss the global gradient-boosted model is trained with.</summary>
public enum ModelKind
{
    /// <summary>Backtest both on the calibration windows and keep the one with the lower WRMSSE.</summary>
    Auto,

    /// <summary>FastTree regression, squared error on scaled targets.</summary>
    FastTree,

    /// <summary>FastTree with a Tweedie loss, for non-negative counts with many zeros.</summary>
    FastTreeTweedie,
}
