using System.Globalization;

namespace NexGen.Core.Samples;

/// <summary>
/// Everything about a sample dataset except the daily series: stores, SKUs (master data, price path, promotions)
/// and the demand calendar. Small (kilobytes per SKU) so it is built up front; series are then simulated one by one.
/// </summary>
internal sealed class SampleCatalog
{
    private static readonly string[] Cities =
    [
        "Springfield", "Riverside", "Fairview", "Madison", "Georgetown", "Franklin", "Clinton", "Arlington",
        "Salem", "Greenville", "Bristol", "Lakewood", "Ashland", "Dover", "Milton", "Hudson", "Burlington",
        "Jackson", "Marion", "Oxford",
    ];

    private static readonly int[] Discounts = [10, 15, 15, 20, 20, 20, 25, 25, 25, 30, 30, 35, 40];

    private SampleCatalog(SampleDataOptions options, DemandCalendar calendar, IReadOnlyList<LocationPlan> locations, IReadOnlyList<SkuPlan> skus)
    {
        Options = options;
        Calendar = calendar;
        Locations = locations;
        Skus = skus;
    }

    public SampleDataOptions Options { get; }

    public DemandCalendar Calendar { get; }

    public IReadOnlyList<LocationPlan> Locations { get; }

    public IReadOnlyList<SkuPlan> Skus { get; }

    public static SampleCatalog Build(SampleDataOptions options)
    {
        var calendar = DemandCalendar.Build(options.StartDate, options.Days);
        var locations = new LocationPlan[options.Locations];
        for (int l = 0; l < locations.Length; l++)
        {
            locations[l] = BuildLocation(options, l);
        }

        double largestScale = locations.Max(l => l.Scale);
        var skus = new SkuPlan[options.Skus];
        for (int s = 0; s < skus.Length; s++)
        {
            skus[s] = BuildSku(options, calendar, s, largestScale);
        }

        return new SampleCatalog(options, calendar, locations, skus);
    }

    /// <summary>L01..L99, or L001..L999 when there are more than 99 stores.</summary>
    public static string LocationId(int index, int count) =>
        "L" + (index + 1).ToString(count > 99 ? "D3" : "D2", CultureInfo.InvariantCulture);

    public static string SkuId(int index) => "SKU" + (index + 1).ToString("D5", CultureInfo.InvariantCulture);

    private static LocationPlan BuildLocation(SampleDataOptions options, int index)
    {
        var rng = SampleRandom.For(options.Seed, RandomStream.Location, index);
        double u = rng.NextDouble();
        (string type, string label, double scale, int size) = u switch
        {
            < 0.35 => ("supercenter", "Supercenter", rng.NextDouble(1.3, 1.7), 1000 * rng.NextInt(150, 200)),
            < 0.80 => ("neighborhood", "Neighborhood Market", rng.NextDouble(0.8, 1.1), 500 * rng.NextInt(76, 90)),
            _ => ("express", "Express", rng.NextDouble(0.45, 0.65), 500 * rng.NextInt(24, 40)),
        };

        string city = Cities[index % Cities.Length];
        if (index >= Cities.Length)
        {
            city += " " + (index / Cities.Length + 1).ToString(CultureInfo.InvariantCulture);
        }

        return new LocationPlan(index, LocationId(index, options.Locations), $"{city} {label}", type, size, scale);
    }

    private static SkuPlan BuildSku(SampleDataOptions options, DemandCalendar calendar, int index, double largestScale)
    {
        // Master data and demand character come from a stream that depends on the seed and SKU only, so SKU00001 is
        // the same product whatever the number of stores, SKUs or days.
        var rng = SampleRandom.For(options.Seed, RandomStream.Product, index);
        CategoryProfile category = PickCategory(rng.NextDouble());
        string brand = rng.Pick(category.Brands);
        ProductLine line = rng.Pick(category.Lines);
        string size = rng.Pick(line.Sizes);

        double u = rng.NextDouble();
        MoverClass mover = u < 0.20 ? MoverClass.Fast : u < 0.72 ? MoverClass.Medium : MoverClass.Slow;
        (double baseDemand, double dispersion) = mover switch
        {
            MoverClass.Fast => (rng.NextLogUniform(12, 120), rng.NextDouble(4, 12)),
            MoverClass.Medium => (rng.NextLogUniform(1.5, 12), rng.NextDouble(2.5, 8)),
            _ => (rng.NextLogUniform(0.04, 0.6), rng.NextDouble(0.8, 2.5)),
        };

        double elasticity = category.Elasticity * rng.NextDouble(0.7, 1.3);
        double promoBoost = rng.NextDouble(1.15, 1.5);
        double seasonalAmplitude = rng.NextDouble(0.5, 1.5);
        double weeklyAmplitude = rng.NextDouble(0.7, 1.3);
        double annualTrend = Math.Clamp(0.07 * rng.NextNormal(), -0.18, 0.18);
        int initialCents = PricePoint(rng.NextLogUniform(category.MinPrice, category.MaxPrice));
        double margin = rng.NextDouble(0.55, 0.8);

        // Slow movers come in the smallest case, or a single order would cover a year.
        int packSize = mover == MoverClass.Slow ? category.PackSizes[0] : rng.Pick(category.PackSizes);
        int leadTime = rng.NextInt(category.MinLeadTime, category.MaxLeadTime);
        bool hasMin = rng.NextBool(0.75);
        int minPacks = mover == MoverClass.Slow ? 1 : rng.NextInt(1, 4);
        bool hasMax = rng.NextBool(0.6);
        double maxDays = rng.NextDouble(45, 90);

        (int[] changeDays, int[] prices) = BuildPricePath(options, index, initialCents, calendar.Days);
        int unitCost = Math.Max(1, (int)Math.Floor(prices.Min() * margin));
        int? minOrder = hasMin ? minPacks * packSize : null;
        int? maxOrder = null;
        if (hasMax)
        {
            double units = Math.Max(Math.Max(baseDemand * largestScale * maxDays, 4.0 * (minOrder ?? packSize)), 10.0 * packSize);
            maxOrder = (int)Math.Ceiling(units / packSize) * packSize;
        }

        return new SkuPlan
        {
            Index = index,
            Id = SkuId(index),
            Name = $"{brand} {line.Item} {size}",
            Category = category,
            Mover = mover,
            BaseDemand = baseDemand,
            Dispersion = dispersion,
            Elasticity = elasticity,
            PromoBoost = promoBoost,
            SeasonalAmplitude = seasonalAmplitude,
            Weekly = WeeklyProfile(category.Weekly, weeklyAmplitude),
            AnnualTrend = annualTrend,
            PriceChangeDays = changeDays,
            PriceCents = prices,
            UnitCostCents = unitCost,
            PackSize = packSize,
            MinOrderQty = minOrder,
            MaxOrderQty = maxOrder,
            LeadTimeDays = leadTime,
            Promotions = BuildPromotions(options, calendar, index, changeDays),
        };
    }

    private static CategoryProfile PickCategory(double u)
    {
        double cumulative = 0.0;
        foreach (CategoryProfile profile in CategoryProfiles.All)
        {
            cumulative += profile.Share;
            if (u < cumulative)
            {
                return profile;
            }
        }

        return CategoryProfiles.All[^1];
    }

    /// <summary>Rounds to a retail price point ending in 9 (3.49, 12.99), at least 0.49; in cents.</summary>
    private static int PricePoint(double dollars) => Math.Max(49, (int)Math.Round(dollars * 10.0) * 10 - 1);

    private static double[] WeeklyProfile(double[] category, double amplitude)
    {
        var weekly = new double[7];
        double sum = 0.0;
        for (int d = 0; d < 7; d++)
        {
            weekly[d] = DeterministicMath.Pow(category[d], amplitude);
            sum += weekly[d];
        }

        for (int d = 0; d < 7; d++)
        {
            weekly[d] *= 7.0 / sum;
        }

        return weekly;
    }

    /// <summary>
    /// Regular price changes: about one to three a year, mostly increases of 3-15 %, sometimes cuts, at least 45 days
    /// apart and never in the first 30 days.
    /// </summary>
    private static (int[] Days, int[] Cents) BuildPricePath(SampleDataOptions options, int index, int initialCents, int days)
    {
        var rng = SampleRandom.For(options.Seed, RandomStream.Prices, index);
        var changeDays = new List<int> { 0 };
        var cents = new List<int> { initialCents };
        if (days < 120)
        {
            return ([.. changeDays], [.. cents]);
        }

        int wanted = Math.Max(1, (int)Math.Round(days / 365.0 * rng.NextDouble(1.0, 3.0)));
        var candidates = new SortedSet<int>();
        for (int attempt = 0; attempt < wanted * 10 && candidates.Count < wanted; attempt++)
        {
            int day = rng.NextInt(30, days - 1);
            if (candidates.All(c => Math.Abs(c - day) >= 45))
            {
                candidates.Add(day);
            }
        }

        int current = initialCents;
        foreach (int day in candidates)
        {
            bool increase = rng.NextBool(0.7);
            double factor = increase ? rng.NextDouble(1.03, 1.15) : rng.NextDouble(0.85, 0.97);
            int next = PricePoint(current / 100.0 * factor);
            if (next == current)
            {
                next = increase ? current + 10 : Math.Max(49, current - 10);
            }

            if (next == current)
            {
                continue;
            }

            changeDays.Add(day);
            cents.Add(next);
            current = next;
        }

        return ([.. changeDays], [.. cents]);
    }

    /// <summary>
    /// About half the SKUs are promoted: chain-wide promotions (starting on a Wednesday, like a weekly flyer) and some
    /// single-store ones. A store's promotions are at least a week apart and never span a regular price change, so
    /// the price on the day before a promotion is the price it discounts.
    /// </summary>
    private static List<PromotionPlan> BuildPromotions(SampleDataOptions options, DemandCalendar calendar, int index, int[] priceChangeDays)
    {
        var rng = SampleRandom.For(options.Seed, RandomStream.Promotions, index);
        var promotions = new List<PromotionPlan>();
        if (!rng.NextBool(0.55))
        {
            return promotions;
        }

        double years = calendar.Days / 365.0;
        int chainWide = (int)Math.Round(years * rng.NextDouble(1.0, 4.0));
        for (int i = 0; i < chainWide; i++)
        {
            TryAddPromotion(-1);
        }

        for (int l = 0; l < options.Locations; l++)
        {
            if (rng.NextBool(0.5))
            {
                int count = (int)Math.Round(years * rng.NextDouble(0.5, 2.0));
                for (int i = 0; i < count; i++)
                {
                    TryAddPromotion(l);
                }
            }
        }

        promotions.Sort((a, b) => a.StartDay != b.StartDay ? a.StartDay.CompareTo(b.StartDay) : a.LocationIndex.CompareTo(b.LocationIndex));
        return promotions;

        void TryAddPromotion(int location)
        {
            for (int attempt = 0; attempt < 20; attempt++)
            {
                double u = rng.NextDouble();
                int duration = u < 0.5 ? 7 : u < 0.7 ? rng.NextInt(3, 4) : rng.NextInt(10, 14);
                int discount = rng.Pick(Discounts);
                if (calendar.Days < duration + 2)
                {
                    return;
                }

                int start = rng.NextInt(1, calendar.Days - duration);
                if (location < 0)
                {
                    start += (2 - calendar.DayOfWeek[start] + 7) % 7;
                }

                int end = start + duration - 1;
                if (end >= calendar.Days || Array.Exists(priceChangeDays, d => d >= start && d <= end))
                {
                    continue;
                }

                bool clash = promotions.Exists(p =>
                    (location < 0 || p.Covers(location)) && start <= p.EndDay + 7 && end + 7 >= p.StartDay);
                if (!clash)
                {
                    promotions.Add(new PromotionPlan(location, start, end, discount));
                    return;
                }
            }
        }
    }
}
