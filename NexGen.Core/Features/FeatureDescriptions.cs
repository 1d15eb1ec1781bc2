using System.Globalization;

namespace NexGen.Core.Features;

/// <summary>
/// What each of <see cref="FeatureSpec.Names"/> means, in a planner's words, for explanations such as the product
/// page's "what moved the forecast" chart: <c>lag_1</c> is "Sales in the latest week", <c>mean_13</c> "Mean of the
/// last 13 weeks". A name it does not know is returned as it is.
/// </summary>
public static class FeatureDescriptions
{
    /// <summary>Describes <paramref name="feature"/> for data whose period is <paramref name="periodDays"/> days (7 = weekly, 1 = daily).</summary>
    public static string Describe(string feature, int periodDays)
    {
        var period = periodDays == 7 ? "week" : "day";
        // The season is a year of weeks for weekly data and a week of days for daily data (FeatureSpec.For).
        var (sameInSeason, seasons) = periodDays == 7 ? ("same week of the year", "years") : ("same weekday", "weeks");
        if (Window(feature, "lag_") is { } lag)
            return lag == 1 ? $"Sales in the latest {period}" : $"Sales {lag - 1} {Plural(period, lag - 1)} before the latest";
        if (Window(feature, "mean_") is { } mean)
            return $"Mean of the last {mean} {Plural(period, mean)}";
        if (Window(feature, "std_") is { } std)
            return $"Variability over the last {std} {Plural(period, std)}";
        if (Window(feature, "max_") is { } max)
            return $"Highest of the last {max} {Plural(period, max)}";
        if (feature.StartsWith("x_", StringComparison.Ordinal))
            return $"{feature[2..]} (external variable)";
        return feature switch
        {
            Store.ForecastExplanation.BaseFeature => "Seasonal base",
            Store.ForecastExplanation.RestFeature => "Everything else",
            "horizon" => "Periods ahead",
            "log_scale" => "Size of the series",
            "base" => "Seasonal base forecast",
            "base_is_seasonal" => "Base taken from last season",
            "location" => "Location",
            "category" => "Category",
            "growth_yoy" => "Growth against last year",
            "sku_last_year" => $"The product over all locations, the same {period} a year earlier",
            "sku_growth_yoy" => "The product's growth over all locations",
            "price_ratio" => "Price against its recent level",
            "same_season_last" => $"The latest {sameInSeason}",
            "same_season_mean4" => $"The {sameInSeason} over the last 4 {seasons}",
            "last_year" => $"The same {period} a year earlier",
            "last_year_window" => $"Around the same {period} a year earlier",
            "two_years_ago" => $"The same {period} two years earlier",
            "season_profile" => $"The same {period} over the last 3 years",
            "week_of_year" => "Week of the year",
            "month" => "Month",
            "day_of_month" => "Day of the month",
            "day_of_week" => "Day of the week",
            "days_to_event" => "Days to the next event",
            "days_since_event" => "Days since the last event",
            "planned_discount" => "Planned promotion discount",
            "target_price_ratio" => "Planned price against its recent level",
            _ => feature,
        };
    }

    static int? Window(string feature, string prefix) =>
        feature.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(feature.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var periods)
            ? periods
            : null;

    static string Plural(string period, int count) => count == 1 ? period : period + "s";
}
