namespace NexGen.Core.Features;

/// <summary>
/// Which features the global model sees, in the shape of mlforecast's spec. Lags and windows are in periods of the
/// data's grain. Origin features look back from the forecast origin; target features describe the forecast date
/// (its calendar, planned promotions) or look back from it a whole season or year, which is still at or before the origin.
/// </summary>
/// <param name="Lags">y at origin - lag + 1 (lag 1 = the origin period itself).</param>
/// <param name="MeanWindows">Rolling means ending at the origin.</param>
/// <param name="StdWindows">Rolling standard deviations ending at the origin.</param>
/// <param name="MaxWindows">Rolling maxima ending at the origin.</param>
/// <param name="Season">Periods per season: 7 for daily data (week), 52 for weekly data (year).</param>
/// <param name="Year">Periods per year: 364 for daily data (same weekday), 52 for weekly data.</param>
/// <param name="ScaleWindow">Periods whose mean absolute demand scales a series (features and target are divided by it).</param>
public sealed record FeatureSpec(int[] Lags, int[] MeanWindows, int[] StdWindows, int[] MaxWindows, int Season, int Year, int ScaleWindow)
{
    public static FeatureSpec For(int periodDays, IReadOnlyList<string>? exogenous = null) => (periodDays == 7
        ? new FeatureSpec([1, 2, 3, 4, 8, 13], [4, 13, 26, 52], [13], [13], Season: 52, Year: 52, ScaleWindow: 52)
        : new FeatureSpec([1, 2, 3, 4, 5, 6, 7, 14, 28], [7, 28, 91, 364], [28], [28], Season: 7, Year: 364, ScaleWindow: 56))
        with { Exogenous = exogenous ?? [] };

    /// <summary>The spec for a panel: its grain's lags and windows plus its exogenous variables.</summary>
    public static FeatureSpec For(SalesPanel panel) => For(panel.PeriodDays, panel.ExogenousNames);

    /// <summary>Exogenous variables, each a feature <c>x_name</c> holding its value at the origin.</summary>
    public IReadOnlyList<string> Exogenous { get; init; } = [];

    /// <summary>Feature names in vector order (for importance and explanations).</summary>
    public IReadOnlyList<string> Names => _names ??= BuildNames();

    IReadOnlyList<string>? _names;

    IReadOnlyList<string> BuildNames()
    {
        var names = new List<string> { "horizon", "log_scale", "base", "base_is_seasonal", "location", "category" };
        names.AddRange(Lags.Select(l => $"lag_{l}"));
        names.AddRange(MeanWindows.Select(w => $"mean_{w}"));
        names.AddRange(StdWindows.Select(w => $"std_{w}"));
        names.AddRange(MaxWindows.Select(w => $"max_{w}"));
        names.AddRange(["growth_yoy", "sku_last_year", "sku_growth_yoy", "price_ratio", "same_season_last", "same_season_mean4", "last_year", "last_year_window", "two_years_ago",
            "season_profile", "week_of_year", "month", "day_of_month", "day_of_week", "days_to_event", "days_since_event",
            "planned_discount", "target_price_ratio"]);
        names.AddRange(Exogenous.Select(x => $"x_{x}"));
        return names;
    }
}
