namespace NexGen.Core.Catalog;

/// <summary>
/// One forecast period summed over series: each quantile is the sum of the series' quantiles, so the band is wider
/// than the total's own p10-p90 would be (series' errors partly cancel out). A missing quantile counts as the point forecast.
/// </summary>
/// <param name="Date">The period's date.</param>
/// <param name="P10">Sum of the series' 10th percentiles, in units.</param>
/// <param name="P50">Sum of the series' medians, in units.</param>
/// <param name="P90">Sum of the series' 90th percentiles, in units.</param>
public sealed record ForecastTotal(DateOnly Date, double P10, double P50, double P90);
