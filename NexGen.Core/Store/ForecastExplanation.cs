namespace NexGen.Core.Store;

/// <summary>
/// One term of how a series' first forecast period is made up: the seasonal base (rank 0), a feature that moved the
/// forecast (ranks 1 .., largest first) or everything else (the last rank). The terms add up to the forecast.
/// </summary>
/// <param name="Rank">0 = the base; 1 = the largest contribution in absolute value; the last = everything else.</param>
/// <param name="Contribution">The term in units of demand per period (positive = up).</param>
public sealed record ForecastExplanation(string Location, string Sku, int Rank, string Feature, double Contribution)
{
    /// <summary>The feature name of the seasonal base the model corrects.</summary>
    public const string BaseFeature = "@base";

    /// <summary>The feature name of everything the listed features do not cover.</summary>
    public const string RestFeature = "@rest";
}
