namespace NexGen.Core.Samples;

/// <summary>
/// Day-by-day demand drivers shared by every series of a category: day of week, yearly seasonality and the lift
/// (or drop) around holidays and events. Computed once per run; a series multiplies in its own amplitudes.
/// </summary>
internal sealed class DemandCalendar
{
    private const int Categories = 8;

    private DemandCalendar(int days, DateOnly start)
    {
        Days = days;
        Start = start;
        DayOfWeek = new byte[days];
        YearlyDeviation = new double[Categories][];
        EventMultiplier = new double[Categories][];
    }

    public int Days { get; }

    public DateOnly Start { get; }

    public DateOnly End => Start.AddDays(Days - 1);

    /// <summary>Monday = 0 .. Sunday = 6, per day.</summary>
    public byte[] DayOfWeek { get; }

    /// <summary>Per category and day: yearly seasonality as a deviation from 1, averaging about 0 over a year.</summary>
    public double[][] YearlyDeviation { get; }

    /// <summary>Per category and day: the product of all holiday and event effects (1 = none).</summary>
    public double[][] EventMultiplier { get; }

    /// <summary>The events dated inside the period, for events.csv.</summary>
    public IReadOnlyList<RetailEvent> Events { get; private init; } = [];

    public static DemandCalendar Build(DateOnly start, int days)
    {
        var calendar = new DemandCalendar(days, start) { Events = RetailCalendar.Between(start, start.AddDays(days - 1)) };
        for (int t = 0; t < days; t++)
        {
            calendar.DayOfWeek[t] = (byte)(((int)start.AddDays(t).DayOfWeek + 6) % 7);
        }

        foreach (CategoryProfile profile in CategoryProfiles.All)
        {
            int c = (int)profile.Category;
            calendar.YearlyDeviation[c] = YearlyDeviations(profile, start, days);
            calendar.EventMultiplier[c] = new double[days];
            Array.Fill(calendar.EventMultiplier[c], 1.0);
        }

        // Events just outside the period still reach into it (the eve of a holiday on the day after the end).
        int firstYear = Math.Max(DateOnly.MinValue.Year, start.Year - 1);
        int lastYear = Math.Min(DateOnly.MaxValue.Year, calendar.End.Year + 1);
        for (int year = firstYear; year <= lastYear; year++)
        {
            foreach (RetailEvent e in RetailCalendar.ForYear(year))
            {
                int eventDay = e.Date.DayNumber - start.DayNumber;
                for (int offset = -3; offset <= 3; offset++)
                {
                    int t = eventDay + offset;
                    if (t < 0 || t >= days)
                    {
                        continue;
                    }

                    for (int c = 0; c < Categories; c++)
                    {
                        calendar.EventMultiplier[c][t] *= EventEffect(e.Type, offset, (SampleCategory)c);
                    }
                }
            }
        }

        return calendar;
    }

    /// <summary>Demand multiplier <paramref name="offset"/> days after (negative: before) an event, for a category.</summary>
    internal static double EventEffect(RetailEventType type, int offset, SampleCategory category) => (type, offset) switch
    {
        (RetailEventType.NewYearsDay, 0) => 0.75,
        (RetailEventType.MartinLutherKingDay or RetailEventType.PresidentsDay or RetailEventType.ColumbusDay
            or RetailEventType.VeteransDay or RetailEventType.Juneteenth, 0) => 1.05,
        (RetailEventType.SuperBowl, 0) => category switch
        {
            SampleCategory.Snacks => 1.8, SampleCategory.Beverages => 1.6, SampleCategory.Frozen => 1.3, _ => 1.0,
        },
        (RetailEventType.SuperBowl, -1) => category switch
        {
            SampleCategory.Snacks => 1.4, SampleCategory.Beverages => 1.3, SampleCategory.Frozen => 1.15, _ => 1.0,
        },
        (RetailEventType.ValentinesDay, 0 or -1) => category switch
        {
            SampleCategory.Bakery => 1.3, SampleCategory.Snacks => 1.25, SampleCategory.Produce => 1.15,
            SampleCategory.Beverages => 1.1, _ => 1.0,
        },
        // Many stores close or shorten hours on Easter Sunday; the Saturday before is the big shop.
        (RetailEventType.Easter, 0) => 0.6,
        (RetailEventType.Easter, -1) => category switch
        {
            SampleCategory.Bakery => 1.6, SampleCategory.Dairy => 1.5, SampleCategory.Produce => 1.4,
            SampleCategory.Snacks => 1.4, _ => 1.15,
        },
        (RetailEventType.Easter, -2) => category switch
        {
            SampleCategory.Bakery => 1.3, SampleCategory.Dairy => 1.25, SampleCategory.Produce => 1.2, _ => 1.05,
        },
        (RetailEventType.MothersDay, 0 or -1) => category switch
        {
            SampleCategory.Bakery => 1.3, SampleCategory.Produce => 1.2, SampleCategory.PersonalCare => 1.2, _ => 1.0,
        },
        // Barbecue weekends: the Saturday before the Monday holiday and the day itself.
        (RetailEventType.MemorialDay or RetailEventType.LaborDay, 0 or -2) => category switch
        {
            SampleCategory.Beverages => 1.4, SampleCategory.Snacks => 1.3, SampleCategory.Produce => 1.2,
            SampleCategory.Frozen => 1.2, SampleCategory.Bakery => 1.15, _ => 1.0,
        },
        (RetailEventType.IndependenceDay, 0) => category switch
        {
            SampleCategory.Beverages => 1.5, SampleCategory.Snacks => 1.4, SampleCategory.Frozen => 1.3,
            SampleCategory.Produce => 1.2, _ => 0.85,
        },
        (RetailEventType.IndependenceDay, -1) => category switch
        {
            SampleCategory.Beverages => 1.6, SampleCategory.Snacks => 1.5, SampleCategory.Frozen => 1.3,
            SampleCategory.Produce => 1.3, SampleCategory.Bakery => 1.2, _ => 1.0,
        },
        (RetailEventType.Halloween, 0 or -1 or -2 or -3) => category == SampleCategory.Snacks
            ? 1.6 - 0.1 * -offset
            : 1.0,
        // Stores open short hours on Thanksgiving; the two days before are the year's biggest food shop.
        (RetailEventType.Thanksgiving, 0) => 0.45,
        (RetailEventType.Thanksgiving, -1 or -2) => 1.0 + (offset == -1 ? 1.0 : 0.55) * (category switch
        {
            SampleCategory.Bakery => 0.9, SampleCategory.Dairy => 0.7, SampleCategory.Produce => 0.8,
            SampleCategory.Beverages => 0.4, SampleCategory.Snacks => 0.3, SampleCategory.Frozen => 0.4, _ => 0.1,
        }),
        (RetailEventType.BlackFriday, 0) => category switch
        {
            SampleCategory.Household => 1.7, SampleCategory.PersonalCare => 1.6, _ => 1.25,
        },
        (RetailEventType.BlackFriday, 1 or 2) => 1.1,
        (RetailEventType.ChristmasEve, 0) => category switch
        {
            SampleCategory.Bakery => 1.6, SampleCategory.Dairy => 1.5, SampleCategory.Produce => 1.5,
            SampleCategory.Beverages => 1.5, SampleCategory.Snacks => 1.4, SampleCategory.Frozen => 1.3,
            SampleCategory.Household => 0.9, _ => 1.0,
        },
        // Most stores are closed on Christmas Day; the few open ones sell little.
        (RetailEventType.ChristmasDay, 0) => 0.1,
        (RetailEventType.NewYearsEve, 0) => category switch
        {
            SampleCategory.Beverages => 1.9, SampleCategory.Snacks => 1.5, SampleCategory.Frozen => 1.2,
            SampleCategory.Bakery => 1.2, SampleCategory.Produce => 1.15, SampleCategory.Dairy => 1.1, _ => 1.05,
        },
        (RetailEventType.NewYearsEve, -1) => category switch
        {
            SampleCategory.Beverages => 1.3, SampleCategory.Snacks => 1.2, _ => 1.0,
        },
        _ => 1.0,
    };

    private static double[] YearlyDeviations(CategoryProfile profile, DateOnly start, int days)
    {
        // Subtract each bump's yearly mean (amplitude x width x sqrt(2 pi) / 365.25) so the level stays the level.
        double mean = 0.0;
        foreach (SeasonalBump bump in profile.Bumps)
        {
            mean += bump.Amplitude * bump.WidthDays * 2.5066282746310002 / 365.25;
        }

        var deviations = new double[days];
        for (int t = 0; t < days; t++)
        {
            DateOnly date = start.AddDays(t);
            double sum = -mean;
            foreach (SeasonalBump bump in profile.Bumps)
            {
                double distance = DaysToNearest(date, bump.Month, bump.Day) / bump.WidthDays;
                sum += bump.Amplitude * DeterministicMath.Exp(-0.5 * distance * distance);
            }

            deviations[t] = sum;
        }

        return deviations;
    }

    private static int DaysToNearest(DateOnly date, int month, int day)
    {
        int best = int.MaxValue;
        for (int year = date.Year - 1; year <= date.Year + 1; year++)
        {
            if (year < DateOnly.MinValue.Year || year > DateOnly.MaxValue.Year)
            {
                continue;
            }

            int distance = Math.Abs(date.DayNumber - new DateOnly(year, month, day).DayNumber);
            best = Math.Min(best, distance);
        }

        return best;
    }
}
