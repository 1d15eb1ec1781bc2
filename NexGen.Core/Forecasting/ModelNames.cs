namespace NexGen.Core.Forecasting;

/// <summary>The names forecasts and metrics carry for each model.</summary>
public static class ModelNames
{
    /// <summary>NexGen's forecast in a backtest: the global model, or per series the baseline selected in calibration.</summary>
    public const string NexGen = "nexgen";

    public const string Global = "nexgen_gbm";
    public const string SeasonalNaive = "seasonal_naive";
    public const string MovingAverage = "moving_average";
    public const string Naive = "naive";
    public const string SeasonalProfile = "seasonal_profile";
    public const string Croston = "croston_sba";
    public const string Tsb = "tsb";

    /// <summary>The interval reference: seasonal naive plus each series' own empirical quantiles of its seasonal-naive errors.</summary>
    public const string SeasonalNaiveQuantiles = "seasonal_naive_quantiles";
}
