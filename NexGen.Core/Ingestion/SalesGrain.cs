namespace NexGen.Core.Ingestion;

/// <summary>
/// The period of a sales table: daily, or weekly on one weekday (Walmart's weeks end on Fridays).
/// Detected from the most common step between consecutive dates of each series.
/// </summary>
public sealed record SalesGrain(string Period, DayOfWeek? Weekday)
{
    public const string DatasetKey = "sales_grain";
    public const string Daily = "daily";
    public const string Weekly = "weekly";

    /// <summary>Days per period: 1 or 7.</summary>
    public int Days => Period == Weekly ? 7 : 1;

    public long SeriesWithGaps { get; init; }
    public long MissingPeriods { get; init; }

    public override string ToString() => Weekday is { } day ? $"{Period} ({day})" : Period;

    public bool Equals(SalesGrain? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    public static SalesGrain? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var open = text.IndexOf(" (", StringComparison.Ordinal);
        return open < 0
            ? new SalesGrain(text, null)
            : new SalesGrain(text[..open], Enum.Parse<DayOfWeek>(text[(open + 2)..^1]));
    }

    /// <summary>
    /// Detects the grain from every series' dates; null when no series has two dates. Gaps (missing periods
    /// between a series' first and last date) are reported as warnings; irregular dates as errors.
    /// </summary>
    internal static SalesGrain? Detect(KeyTracker keys, IssueLog log)
    {
        var steps = new Dictionary<int, long>();
        var weekdays = new long[7];
        foreach (var (_, days) in keys.Series)
        {
            var previous = -1;
            foreach (var day in days.Days())
            {
                weekdays[(int)DateOnly.FromDayNumber(day).DayOfWeek]++;
                if (previous >= 0)
                    steps[day - previous] = steps.GetValueOrDefault(day - previous) + 1;
                previous = day;
            }
        }
        if (steps.Count == 0)
            return null;
        var step = steps.MaxBy(p => (p.Value, -p.Key)).Key;
        if (step is not (1 or 7))
        {
            log.Error("irregular_dates", 0, 0, "", $"{step} days",
                $"sales dates are neither daily nor weekly (the most common step is {step} days); NexGen forecasts daily or weekly sales.");
            return null;
        }
        DayOfWeek? weekday = null;
        if (step == 7)
        {
            var anchor = Array.IndexOf(weekdays, weekdays.Max());
            weekday = (DayOfWeek)anchor;
            var off = weekdays.Sum() - weekdays[anchor];
            if (off > 0)
                log.Error("mixed_weekdays", 0, 0, "", off.ToString(),
                    $"weekly sales must all fall on one weekday; {off:N0} dates are not on a {weekday}.");
        }
        return ReportGaps(new SalesGrain(step == 7 ? Weekly : Daily, weekday), keys, log);
    }

    static SalesGrain ReportGaps(SalesGrain grain, KeyTracker keys, IssueLog log)
    {
        long seriesWithGaps = 0, missing = 0;
        var unit = grain.Period == Weekly ? "weeks" : "days";
        foreach (var ((first, second), days) in keys.Series.OrderBy(s => s.Key.First, StringComparer.Ordinal).ThenBy(s => s.Key.Second, StringComparer.Ordinal))
        {
            var previous = -1;
            var hasGap = false;
            foreach (var day in days.Days())
            {
                if (previous >= 0 && day - previous > grain.Days)
                {
                    var gap = (day - previous) / grain.Days - 1;
                    missing += gap;
                    hasGap = true;
                    log.Warning("gap", 0, 0, "", $"{first} / {second}",
                        $"{gap} missing {unit} between {DateOnly.FromDayNumber(previous):yyyy-MM-dd} and {DateOnly.FromDayNumber(day):yyyy-MM-dd} (no sales recorded; forecasting reads them as zero sales).");
                }
                previous = day;
            }
            if (hasGap)
                seriesWithGaps++;
        }
        return grain with { SeriesWithGaps = seriesWithGaps, MissingPeriods = missing };
    }
}
