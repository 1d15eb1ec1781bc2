namespace NexGen.Core.Forecasting.Baselines;

/// <summary>The period of a history: one value per day or per week. Sets the season of the seasonal baselines.</summary>
public enum SeriesGrain
{
    /// <summary>One value per day: seasonal naive repeats the last 7 days; a year is 364 days (52 whole weeks, same weekday).</summary>
    Daily,

    /// <summary>One value per week: a year is 52 weeks.</summary>
    Weekly,
}
