namespace NexGen.Core.Samples;

/// <summary>
/// US retail calendar: the federal holidays (on their actual dates, which is when shoppers react, not the observed
/// day off), Easter, Christmas Eve, New Year's Eve and the big retail events. Dates are computed per year.
/// </summary>
internal static class RetailCalendar
{
    public const string Holiday = "holiday";
    public const string Event = "event";

    /// <summary>All events dated from <paramref name="first"/> to <paramref name="last"/> inclusive, by date.</summary>
    public static IReadOnlyList<RetailEvent> Between(DateOnly first, DateOnly last)
    {
        var events = new List<RetailEvent>();
        for (int year = first.Year; year <= last.Year; year++)
        {
            foreach (RetailEvent e in ForYear(year))
            {
                if (e.Date >= first && e.Date <= last)
                {
                    events.Add(e);
                }
            }
        }

        events.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Type.CompareTo(b.Type));
        return events;
    }

    public static IEnumerable<RetailEvent> ForYear(int year)
    {
        DateOnly thanksgiving = NthWeekday(year, 11, DayOfWeek.Thursday, 4);
        yield return new(new(year, 1, 1), "New Year's Day", Holiday, RetailEventType.NewYearsDay);
        yield return new(NthWeekday(year, 1, DayOfWeek.Monday, 3), "Martin Luther King Jr. Day", Holiday, RetailEventType.MartinLutherKingDay);

        // Moved from the first to the second Sunday of February when the NFL season grew to 17 games (2022).
        yield return new(NthWeekday(year, 2, DayOfWeek.Sunday, year >= 2022 ? 2 : 1), "Super Bowl", Event, RetailEventType.SuperBowl);
        yield return new(new(year, 2, 14), "Valentine's Day", Event, RetailEventType.ValentinesDay);
        yield return new(NthWeekday(year, 2, DayOfWeek.Monday, 3), "Presidents' Day", Holiday, RetailEventType.PresidentsDay);
        yield return new(EasterSunday(year), "Easter", Holiday, RetailEventType.Easter);
        yield return new(NthWeekday(year, 5, DayOfWeek.Sunday, 2), "Mother's Day", Event, RetailEventType.MothersDay);
        yield return new(LastWeekday(year, 5, DayOfWeek.Monday), "Memorial Day", Holiday, RetailEventType.MemorialDay);
        if (year >= 2021)
        {
            yield return new(new(year, 6, 19), "Juneteenth", Holiday, RetailEventType.Juneteenth);
        }

        yield return new(new(year, 7, 4), "Independence Day", Holiday, RetailEventType.IndependenceDay);
        yield return new(NthWeekday(year, 9, DayOfWeek.Monday, 1), "Labor Day", Holiday, RetailEventType.LaborDay);
        yield return new(NthWeekday(year, 10, DayOfWeek.Monday, 2), "Columbus Day", Holiday, RetailEventType.ColumbusDay);
        yield return new(new(year, 10, 31), "Halloween", Event, RetailEventType.Halloween);
        yield return new(new(year, 11, 11), "Veterans Day", Holiday, RetailEventType.VeteransDay);
        yield return new(thanksgiving, "Thanksgiving", Holiday, RetailEventType.Thanksgiving);
        yield return new(thanksgiving.AddDays(1), "Black Friday", Event, RetailEventType.BlackFriday);
        yield return new(new(year, 12, 24), "Christmas Eve", Holiday, RetailEventType.ChristmasEve);
        yield return new(new(year, 12, 25), "Christmas Day", Holiday, RetailEventType.ChristmasDay);
        yield return new(new(year, 12, 31), "New Year's Eve", Holiday, RetailEventType.NewYearsEve);
    }

    /// <summary>Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        int offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        int offset = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-offset);
    }
}
