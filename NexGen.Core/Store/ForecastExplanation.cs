namespace NexGen.Core.Store;

/// <summary>
/// One of the features that moved a series' forecast most, for its first forecast period.
/// </summary>
/// <param name="Rank">1 = the largest contribution in absolute value.</param>
/// <param name="Contribution">How much the feature moved the forecast, in units of demand per period (positive = up).</param>
public sealed record ForecastExplanation(string Location, string Sku, int Rank, string Feature, double Contribution);
