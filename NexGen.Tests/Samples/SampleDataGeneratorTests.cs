using System.Globalization;
using System.Text.RegularExpressions;
using NexGen.Core.Samples;

namespace NexGen.Tests.Samples;

public sealed class SampleDataGeneratorTests(SampleDataFixture data) : IClassFixture<SampleDataFixture>
{
    private static readonly string[] PlainFiles =
    [
        SampleDataGenerator.SalesFile, SampleDataGenerator.ProductsFile, SampleDataGenerator.InventoryFile,
        SampleDataGenerator.PromotionsFile, SampleDataGenerator.EventsFile, SampleDataGenerator.LocationsFile,
    ];

    private static readonly Dictionary<string, string> Headers = new()
    {
        [SampleDataGenerator.SalesFile] = "location,sku,date,quantity,price,promo",
        [SampleDataGenerator.ProductsFile] = "sku,name,category,unit_cost,unit_price,pack_size,min_order_qty,max_order_qty,lead_time_days,supplier",
        [SampleDataGenerator.InventoryFile] = "location,sku,as_of,on_hand,on_order",
        [SampleDataGenerator.PromotionsFile] = "location,sku,start,end,discount",
        [SampleDataGenerator.EventsFile] = "date,name,kind",
        [SampleDataGenerator.LocationsFile] = "location,name,type,size",
    };

    private SampleDataOptions Options => SampleDataFixture.SmallOptions;

    [Fact]
    public async Task SameSeedGivesByteIdenticalFiles()
    {
        using var again = new TempDirectory();
        await new SampleDataGenerator().GenerateAsync(Options, again.Path);

        foreach (string file in PlainFiles)
        {
            Assert.True(
                File.ReadAllBytes(data.PathOf(file)).AsSpan().SequenceEqual(File.ReadAllBytes(again.Combine(file))),
                $"{file} differs between two runs with the same options");
        }
    }

    [Fact]
    public async Task DifferentSeedGivesDifferentData()
    {
        using var other = new TempDirectory();
        await new SampleDataGenerator().GenerateAsync(Options with { Seed = Options.Seed + 1 }, other.Path);

        foreach (string file in new[] { SampleDataGenerator.SalesFile, SampleDataGenerator.ProductsFile, SampleDataGenerator.PromotionsFile })
        {
            Assert.False(
                File.ReadAllBytes(data.PathOf(file)).AsSpan().SequenceEqual(File.ReadAllBytes(other.Combine(file))),
                $"{file} is the same for seeds {Options.Seed} and {Options.Seed + 1}");
        }
    }

    [Fact]
    public void FilesAreLfUtf8WithoutBomAndHaveCanonicalHeaders()
    {
        Assert.Equal(PlainFiles.Select(f => Path.GetFullPath(data.PathOf(f))), data.Result.Files);
        foreach (string file in PlainFiles)
        {
            byte[] bytes = File.ReadAllBytes(data.PathOf(file));
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), $"{file} starts with a BOM");
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal(Headers[file], string.Join(',', data.Read(file).Header));
            Assert.All(data.Read(file).Rows, row => Assert.Equal(Headers[file].Split(',').Length, row.Length));
        }

        var money = new Regex(@"^\d+\.\d\d$");
        Assert.All(data.Read(SampleDataGenerator.SalesFile).Rows, r =>
        {
            Assert.Matches(money, r[4]);
            Assert.Contains(r[5], new[] { "0", "1" });
        });
    }

    [Fact]
    public void SalesHaveOneRowPerLocationSkuAndDayOrderedByLocationSkuDate()
    {
        IReadOnlyList<SalesRow> sales = data.Sales;
        Assert.Equal(Options.Locations * Options.Skus * Options.Days, sales.Count);
        Assert.Equal(sales.Count, data.Result.SalesRows);

        int i = 0;
        for (int l = 1; l <= Options.Locations; l++)
        {
            for (int s = 1; s <= Options.Skus; s++)
            {
                for (int t = 0; t < Options.Days; t++, i++)
                {
                    SalesRow row = sales[i];
                    Assert.Equal($"L{l:D2}", row.Location);
                    Assert.Equal($"SKU{s:D5}", row.Sku);
                    Assert.Equal(SampleDataOptions.DefaultStart.AddDays(t), row.Date);
                    Assert.True(row.Quantity >= 0);
                    Assert.True(row.Price > 0);
                }
            }
        }
    }

    [Fact]
    public void PromotedDaysAreFlaggedAndPricedAtTheDiscount()
    {
        var byKey = data.Sales.ToDictionary(r => (r.Location, r.Sku, r.Date));
        string[] locations = [.. data.Read(SampleDataGenerator.LocationsFile).Rows.Select(r => r[0])];
        IReadOnlyList<string[]> promotions = data.Read(SampleDataGenerator.PromotionsFile).Rows;
        Assert.NotEmpty(promotions);
        Assert.Contains(promotions, p => p[0] == "");
        Assert.Contains(promotions, p => p[0] != "");

        var promotedDays = new HashSet<(string, string, DateOnly)>();
        foreach (string[] promotion in promotions)
        {
            decimal discount = SampleCsv.Number(promotion[4]);
            Assert.InRange(discount, 0.05m, 0.5m);
            foreach (string location in promotion[0] == "" ? locations : [promotion[0]])
            {
                SalesRow before = byKey[(location, promotion[1], SampleCsv.Date(promotion[2]).AddDays(-1))];
                Assert.False(before.Promo);
                decimal expected = before.Price * (1 - discount);
                for (DateOnly day = SampleCsv.Date(promotion[2]); day <= SampleCsv.Date(promotion[3]); day = day.AddDays(1))
                {
                    SalesRow row = byKey[(location, promotion[1], day)];
                    Assert.True(row.Promo, $"{location} {promotion[1]} {day} is in a promotion but promo = 0");
                    Assert.InRange(row.Price, expected - 0.005m, expected + 0.005m);
                    Assert.True(promotedDays.Add((location, promotion[1], day)), "promotions of one store overlap");
                }
            }
        }

        Assert.All(data.Sales.Where(r => r.Promo), r => Assert.Contains((r.Location, r.Sku, r.Date), promotedDays));
    }

    [Fact]
    public void PromotionsLiftUnitsOfTheSameSeries()
    {
        var promotedSeries = data.Sales.Where(r => r.Promo).Select(r => (r.Location, r.Sku)).ToHashSet();
        var rows = data.Sales.Where(r => promotedSeries.Contains((r.Location, r.Sku))).ToList();

        double onPromotion = rows.Where(r => r.Promo).Average(r => r.Quantity);
        double regular = rows.Where(r => !r.Promo).Average(r => r.Quantity);

        Assert.InRange(onPromotion / regular, 1.4, 3.5);
    }

    [Fact]
    public void WeekendsSellMoreThanWeekdays()
    {
        static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        double weekend = data.Sales.Where(r => IsWeekend(r.Date)).Average(r => r.Quantity);
        double weekday = data.Sales.Where(r => !IsWeekend(r.Date)).Average(r => r.Quantity);

        Assert.True(weekend > 1.15 * weekday, $"weekend mean {weekend:F2} vs weekday mean {weekday:F2}");
    }

    [Fact]
    public void BeveragesAndFrozenSellMostInSummer()
    {
        var summerCategories = data.Read(SampleDataGenerator.ProductsFile).Rows
            .Where(p => p[2] is "Beverages" or "Frozen").Select(p => p[0]).ToHashSet();

        // Per series, so that one big SKU's price cut or promotion in winter cannot decide the test.
        var ratios = data.Sales.Where(r => summerCategories.Contains(r.Sku) && r.Date.Year == 2025)
            .GroupBy(r => (r.Location, r.Sku))
            .Where(g => g.Average(r => r.Quantity) >= 1)
            .Select(g => g.Where(r => r.Date.Month is 6 or 7 or 8).Average(r => r.Quantity)
                / g.Where(r => r.Date.Month is 1 or 2).Average(r => r.Quantity))
            .Order()
            .ToList();

        Assert.True(ratios.Count >= 4, $"only {ratios.Count} beverage or frozen series sell at least a unit a day");
        Assert.True(ratios[ratios.Count / 2] > 1.2, $"median summer / January-February ratio {ratios[ratios.Count / 2]:F2}");
    }

    [Fact]
    public void HolidaysMoveSales()
    {
        var total = data.Sales.GroupBy(r => r.Date).ToDictionary(g => g.Key, g => g.Sum(r => (double)r.Quantity));

        // Each compared with the same weekday a week earlier.
        Assert.True(total[new(2024, 12, 25)] < 0.3 * total[new(2024, 12, 18)], "Christmas Day should be nearly closed");
        Assert.True(total[new(2024, 12, 24)] > 1.15 * total[new(2024, 12, 17)], "Christmas Eve should be busy");
        Assert.True(total[new(2025, 11, 26)] > 1.2 * total[new(2025, 11, 19)], "The day before Thanksgiving should be busy");
        Assert.True(total[new(2025, 11, 27)] < 0.7 * total[new(2025, 11, 20)], "Thanksgiving should be quiet");
        Assert.True(total[new(2025, 4, 19)] > 1.15 * total[new(2025, 4, 12)], "The Saturday before Easter should be busy");
    }

    [Fact]
    public void AssortmentMixesFastMoversAndIntermittentSeries()
    {
        var series = data.Sales.GroupBy(r => (r.Location, r.Sku)).Select(g => g.Select(r => r.Quantity).ToList()).ToList();

        // ADI = periods per non-zero demand (DOMAIN.md); ADI >= 1.32 is intermittent.
        double intermittentShare = series.Count(q => q.Count(x => x > 0) * 1.32 <= q.Count) / (double)series.Count;
        Assert.InRange(intermittentShare, 0.15, 0.5);
        Assert.Contains(series, q => q.Average() >= 20);
        Assert.Contains(series, q => q.Average() is >= 1 and < 10);
    }

    [Fact]
    public void FastMoversHaveStockOutStretches()
    {
        static int LongestZeroRun(IEnumerable<int> quantities)
        {
            int longest = 0, run = 0;
            foreach (int q in quantities)
            {
                run = q == 0 ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            return longest;
        }

        var fast = data.Sales.GroupBy(r => (r.Location, r.Sku)).Where(g => g.Average(r => r.Quantity) >= 5).ToList();
        int withStockOut = fast.Count(g => LongestZeroRun(g.Select(r => r.Quantity)) >= 3);

        Assert.InRange(withStockOut, 1, fast.Count / 3);
    }

    [Fact]
    public void ProductsHaveCostBelowPriceAndConsistentOrderConstraints()
    {
        IReadOnlyList<string[]> products = data.Read(SampleDataGenerator.ProductsFile).Rows;
        Assert.Equal(Enumerable.Range(1, Options.Skus).Select(i => $"SKU{i:D5}"), products.Select(p => p[0]));
        foreach (string[] p in products)
        {
            Assert.True(SampleCsv.Number(p[3]) > 0 && SampleCsv.Number(p[3]) < SampleCsv.Number(p[4]), $"{p[0]}: cost {p[3]}, price {p[4]}");
            int pack = int.Parse(p[5], CultureInfo.InvariantCulture);
            Assert.True(pack > 0);
            if (p[6] != "")
            {
                Assert.Equal(0, int.Parse(p[6], CultureInfo.InvariantCulture) % pack);
            }

            if (p[7] != "")
            {
                int max = int.Parse(p[7], CultureInfo.InvariantCulture);
                Assert.Equal(0, max % pack);
                Assert.True(p[6] == "" || max >= int.Parse(p[6], CultureInfo.InvariantCulture));
            }

            Assert.InRange(int.Parse(p[8], CultureInfo.InvariantCulture), 2, 21);
            Assert.False(string.IsNullOrWhiteSpace(p[1]));
        }

        Assert.Contains(products, p => p[5] != "1");
        Assert.Contains(products, p => p[7] == "");
        Assert.Contains(products, p => p[7] != "");
        Assert.InRange(products.Select(p => p[9]).Distinct().Count(), 4, 8);
    }

    [Fact]
    public void RegularPricesChangeDuringThePeriod()
    {
        var regularPrices = data.Sales.Where(r => !r.Promo).GroupBy(r => (r.Location, r.Sku))
            .Select(g => g.Select(r => r.Price).Distinct().Count()).ToList();

        Assert.True(regularPrices.Count(n => n > 1) >= 0.8 * regularPrices.Count, "most SKUs should change price at least once");
    }

    [Fact]
    public void InventoryHoldsAClosingPositionPerSeries()
    {
        IReadOnlyList<string[]> inventory = data.Read(SampleDataGenerator.InventoryFile).Rows;
        Assert.Equal(Options.Locations * Options.Skus, inventory.Count);
        string lastDay = SampleDataOptions.DefaultStart.AddDays(Options.Days - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.All(inventory, r => Assert.Equal(lastDay, r[2]));

        var position = inventory.ToDictionary(
            r => (r[0], r[1]),
            r => (OnHand: int.Parse(r[3], CultureInfo.InvariantCulture), OnOrder: int.Parse(r[4], CultureInfo.InvariantCulture)));
        Assert.All(position.Values, p => Assert.True(p.OnHand >= 0 && p.OnOrder >= 0));
        Assert.Contains(position.Values, p => p.OnHand == 0);
        Assert.Contains(position.Values, p => p.OnOrder > 0);

        // Typical stock covers a few days to two weeks of recent sales; a fast mover that sold nothing over its last
        // three days is out of stock.
        var covers = new List<double>();
        foreach (var series in data.Sales.GroupBy(r => (r.Location, r.Sku)))
        {
            double recent = series.TakeLast(28).Average(r => r.Quantity);
            if (recent >= 1)
            {
                covers.Add(position[series.Key].OnHand / recent);
            }

            if (recent >= 5 && series.TakeLast(3).All(r => r.Quantity == 0))
            {
                Assert.Equal(0, position[series.Key].OnHand);
            }
        }

        covers.Sort();
        Assert.InRange(covers[covers.Count / 2], 2.0, 14.0);
    }

    [Fact]
    public void EventsOfThePeriodIncludeChristmasAndEaster()
    {
        IReadOnlyList<string[]> events = data.Read(SampleDataGenerator.EventsFile).Rows;

        Assert.Contains(events, e => e is ["2024-12-25", "Christmas Day", "holiday"]);
        Assert.Contains(events, e => e is ["2025-12-25", "Christmas Day", "holiday"]);
        Assert.Contains(events, e => e is ["2025-04-20", "Easter", "holiday"]);
        Assert.Contains(events, e => e is ["2025-11-28", "Black Friday", "event"]);
        Assert.All(events, e => Assert.InRange(SampleCsv.Date(e[0]), SampleDataOptions.DefaultStart, SampleDataOptions.DefaultStart.AddDays(Options.Days - 1)));
        Assert.Equal(events.Select(e => e[0]).Order(StringComparer.Ordinal), events.Select(e => e[0]));
    }

    [Fact]
    public async Task EventsHaveChristmasAndEasterInEveryYear()
    {
        using var output = new TempDirectory();
        await new SampleDataGenerator().GenerateAsync(new SampleDataOptions(1, 1, Days: 2192, Start: new DateOnly(2020, 1, 1)), output.Path);
        IReadOnlyList<string[]> events = SampleCsv.Read(output.Combine(SampleDataGenerator.EventsFile)).Rows;

        string[] easters = ["2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20"];
        foreach (string easter in easters)
        {
            Assert.Contains(events, e => e is [_, "Easter", "holiday"] && e[0] == easter);
        }

        for (int year = 2020; year <= 2025; year++)
        {
            Assert.Contains(events, e => e is [_, "Christmas Day", "holiday"] && e[0] == $"{year}-12-25");
            Assert.Contains(events, e => e is [_, "New Year's Eve", "holiday"] && e[0] == $"{year}-12-31");
        }

        Assert.Equal(6, events.Count(e => e[1] == "Easter"));
        Assert.Contains(events, e => e is ["2023-11-24", "Black Friday", "event"]);
        Assert.Contains(events, e => e is ["2024-05-27", "Memorial Day", "holiday"]);
    }

    [Fact]
    public async Task GzipWritesTheSameSalesCompressed()
    {
        using var output = new TempDirectory();
        SampleDataResult result = await new SampleDataGenerator().GenerateAsync(Options with { Gzip = true }, output.Path);

        Assert.EndsWith("sales.csv.gz", result.Files[0], StringComparison.Ordinal);
        Assert.False(File.Exists(output.Combine(SampleDataGenerator.SalesFile)));
        Assert.True(SampleCsv.ReadBytes(result.Files[0]).AsSpan().SequenceEqual(File.ReadAllBytes(data.PathOf(SampleDataGenerator.SalesFile))));
        Assert.True(new FileInfo(result.Files[0]).Length * 4 < new FileInfo(data.PathOf(SampleDataGenerator.SalesFile)).Length);
    }

    [Fact]
    public async Task ProgressCountsSalesRowsUpToTheTotal()
    {
        using var output = new TempDirectory();
        var reports = new List<long>();
        SampleDataResult result = await new SampleDataGenerator().GenerateAsync(
            new SampleDataOptions(Locations: 1, Skus: 60, Days: 2000), output.Path, new ListProgress(reports));

        Assert.Equal(120_000, result.SalesRows);
        Assert.True(reports.Count >= 2);
        Assert.Equal(result.SalesRows, reports[^1]);
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 1, 100_000 + 2000));
    }

    [Fact]
    public async Task CancelledGenerationThrows()
    {
        using var output = new TempDirectory();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new SampleDataGenerator().GenerateAsync(Options, output.Path, cancellationToken: cancelled.Token));
    }

    [Theory]
    [InlineData(0, 10, 10, "Locations")]
    [InlineData(1000, 10, 10, "Locations")]
    [InlineData(1, 0, 10, "Skus")]
    [InlineData(1, 100_000, 10, "Skus")]
    [InlineData(1, 10, 0, "Days")]
    [InlineData(1, 10, 36_526, "Days")]
    [InlineData(1, 10, 60, "Days", "9999-12-01")]
    public async Task OutOfRangeOptionsAreRejectedWithTheirName(int locations, int skus, int days, string option, string? start = null)
    {
        using var output = new TempDirectory();
        var options = new SampleDataOptions(locations, skus, days, Start: start is null ? null : SampleCsv.Date(start));

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new SampleDataGenerator().GenerateAsync(options, output.Path));

        Assert.Equal(option, error.ParamName);
        Assert.False(Directory.Exists(output.Path), "nothing should be written for invalid options");
    }

    [Fact]
    public async Task CommittedSamplesEqualARegeneration()
    {
        string samples = Path.Combine(RepositoryRoot(), "samples");
        using var output = new TempDirectory();
        SampleDataResult result = await new SampleDataGenerator().GenerateAsync(new SampleDataOptions(Gzip: true), output.Path);

        // sales.csv.gz is compared decompressed: gzip bytes depend on the zlib build and OS (header byte), the data must not.
        foreach (string file in result.Files)
        {
            string committed = Path.Combine(samples, Path.GetFileName(file));
            Assert.True(File.Exists(committed), $"{committed} is missing");
            Assert.True(
                SampleCsv.ReadBytes(file).AsSpan().SequenceEqual(SampleCsv.ReadBytes(committed)),
                $"samples/{Path.GetFileName(file)} is not what the generator produces; regenerate it (see samples/README.md)");
        }
    }

    [Fact]
    public void CommittedSamplesFolderIsUnderFiveMegabytes()
    {
        string samples = Path.Combine(RepositoryRoot(), "samples");
        long bytes = new DirectoryInfo(samples).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

        Assert.InRange(bytes, 1, 5_000_000);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NexGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"NexGen.sln not found above {AppContext.BaseDirectory}");
    }

    private sealed class ListProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
