using System.Text;
using NexGen.Core.Catalog;
using NexGen.Core.Ingestion;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Tests.Catalog;

/// <summary>
/// The product list and the product detail on a real store holding 8 weeks of weekly sales (Fridays 2024-01-05 ..
/// 2024-02-23), small enough to compute every figure by hand. The last 4 weeks are 2024-02-02 .. 2024-02-23.
/// <list type="table">
/// <item>L1/A1 (Apples, fruit, unit price 2): 10 a week. 4 weeks 40 units, 80 value; 4 before 40; trend 0; year value 160; CV 0 -> X.</item>
/// <item>L1/B1 (Bread, bakery, unit price 3): 5 a week, then 10. 40 units, 120 value; 4 before 20; trend +100 %; year value 180; mean 7.5, sd 2.5, CV 0.33 -> X.</item>
/// <item>L2/A1: 16 in the first and the last week, nothing between (gaps are zero sales). 16 units, 32 value; 4 before 16; trend 0;
/// year value 64; 8 periods, mean 4, sd sqrt(64 - 16) = 6.93, CV 1.73 -> Z.</item>
/// <item>L2/C1 (no product row): 1 a week at price 100 in the last 4 weeks. 4 units, 400 value; 4 before 0, trend unknown;
/// year value 400; 4 periods since its first sale, CV 0 -> X.</item>
/// </list>
/// ABC by year value (total 804): C1 400 (cumulative 0.50, A), B1 180 (0.72, A), L1/A1 160 (0.92, B), L2/A1 64 (1.00, C).
/// </summary>
public sealed class ProductCatalogTests : IAsyncLifetime
{
    static readonly DateOnly FirstFriday = new(2024, 1, 5);

    readonly TestStore _test = new();
    RunStore _runs = default!;
    ProductCatalog _catalog = default!;

    public async Task InitializeAsync()
    {
        _runs = new RunStore(_test.Store);
        _catalog = new ProductCatalog(_test.Store, _runs);
        await Import(DataKind.Products, "products.csv", "sku,name,category,unit_price\nA1,Apples,fruit,2\nB1,Bread,bakery,3\n");
        var sales = new StringBuilder("location,sku,date,quantity,price\n");
        for (var week = 0; week < 8; week++)
        {
            var date = FirstFriday.AddDays(7 * week).ToString("yyyy-MM-dd");
            sales.Append($"L1,A1,{date},10,\n");
            sales.Append($"L1,B1,{date},{(week < 4 ? 5 : 10)},\n");
            if (week is 0 or 7)
                sales.Append($"L2,A1,{date},16,\n");
            if (week >= 4)
                sales.Append($"L2,C1,{date},1,100\n");
        }
        await Import(DataKind.Sales, "sales.csv", sales.ToString());
        await Import(DataKind.Inventory, "inventory.csv", "location,sku,as_of,on_hand,on_order\nL1,A1,2024-02-16,5,0\nL1,A1,2024-02-23,7,12\nL1,B1,2024-02-23,0,\n");
    }

    public async Task DisposeAsync() => await _test.DisposeAsync();

    async Task Import(DataKind kind, string name, string content)
    {
        var report = await _test.ImportAsync(kind, _test.WriteFile(name, content));
        Assert.True(report.Status == ImportStatus.Succeeded, report.Message);
    }

    /// <summary>A succeeded forecast run for L1/A1 with weekly forecasts from 2024-03-01 on, and explanations.</summary>
    async Task<long> CompleteRunAsync(params double[] weekly)
    {
        var id = await _runs.StartAsync("forecast", "cli", "{}", null);
        var rows = weekly.Select((value, week) =>
            new ForecastRow("L1", "A1", new DateOnly(2024, 3, 1).AddDays(7 * week), value, value - 2, value, value + 3, value + 5, "nexgen_gbm"));
        var details = new ForecastDetails
        {
            Explanations = [new ForecastExplanation("L1", "A1", 1, "lag_1", 1.5), new ForecastExplanation("L1", "A1", 2, "price_ratio", -0.5)],
        };
        await _runs.CompleteAsync(id, """{"cutoff":"2024-02-23","horizon":5}""", null, rows, details);
        return id;
    }

    [Fact]
    public async Task ProductDetailHoldsTheSeriesBacktestsOfTheLatestRunThatMadeThemAndTheirError()
    {
        var reader = new ProductDetailReader(_test.Store, _runs);
        var origin = new DateOnly(2024, 2, 9);
        var withBacktests = await _runs.StartAsync("forecast", "cli", "{}", null);
        await _runs.CompleteAsync(withBacktests, null, null, [], new ForecastDetails
        {
            Backtests =
            [
                // Sold 10 and 20; the model said 12 and 17, seasonal naive 5 and 20; a stock-out week is not scored.
                new BacktestPoint("L1", "A1", origin, origin.AddDays(7), 10, 12, 5),
                new BacktestPoint("L1", "A1", origin, origin.AddDays(14), 20, 17, 20),
                new BacktestPoint("L1", "A1", origin, origin.AddDays(21), null, 30, 9),
                new BacktestPoint("L1", "B1", origin, origin.AddDays(7), 4, 4, 4),
            ],
        });
        // A later run that predicted with the active model made no backtests: the earlier ones still show.
        var predicted = await CompleteRunAsync(11, 12);

        var detail = (await reader.ReadAsync("L1", "A1"))!;

        Assert.Equal(predicted, detail.Run?.Id);
        Assert.Equal(withBacktests, detail.BacktestRunId);
        Assert.Equal([origin.AddDays(7), origin.AddDays(14), origin.AddDays(21)], detail.Backtests.Select(p => p.Date));
        Assert.All(detail.Backtests, p => Assert.Equal(("L1", "A1", origin), (p.Location, p.Sku, p.Origin)));
        // WAPE over the two scored weeks: (2 + 3) / 30 for the model, (5 + 0) / 30 for seasonal naive.
        var (model, naive, periods) = detail.BacktestWape;
        Assert.Equal(5.0 / 30, model!.Value, 12);
        Assert.Equal(5.0 / 30, naive!.Value, 12);
        Assert.Equal(2, periods);
    }

    static string Keys(ProductPage page) => string.Join(" ", page.Rows.Select(r => $"{r.Location}/{r.Sku}"));

    [Fact]
    public async Task EverySeriesIsSummarisedWithHandComputedFigures()
    {
        var page = await _catalog.SearchAsync(new ProductQuery(PageSize: 10));

        Assert.Equal(4, page.TotalCount);
        Assert.Equal(
        [
            new ProductSummary("L1", "A1", "Apples", "fruit", 40, 80, 40, 0, 7, null, AbcClass.B, XyzClass.X),
            new ProductSummary("L1", "B1", "Bread", "bakery", 40, 120, 20, 1, 0, null, AbcClass.A, XyzClass.X),
            new ProductSummary("L2", "A1", "Apples", "fruit", 16, 32, 16, 0, null, null, AbcClass.C, XyzClass.Z),
            new ProductSummary("L2", "C1", null, null, 4, 400, 0, null, null, null, AbcClass.A, XyzClass.X),
        ], page.Rows);
    }

    [Fact]
    public async Task PagesAreSortedInTheStoreWithEmptyValuesLast()
    {
        var first = await _catalog.SearchAsync(new ProductQuery(SortBy: ProductSortColumn.ValueLast4Weeks, Descending: true, PageSize: 3));
        var second = await _catalog.SearchAsync(new ProductQuery(SortBy: ProductSortColumn.ValueLast4Weeks, Descending: true, Page: 1, PageSize: 3));
        Assert.Equal("L2/C1 L1/B1 L1/A1", Keys(first));
        Assert.Equal("L2/A1", Keys(second));
        Assert.Equal(4, second.TotalCount);

        // Trend: B1 +100 %, then the two at 0 (tie broken by location), and C1's unknown trend last in both directions.
        Assert.Equal("L1/B1 L1/A1 L2/A1 L2/C1", Keys(await _catalog.SearchAsync(new ProductQuery(SortBy: ProductSortColumn.Trend, Descending: true))));
        Assert.Equal("L1/A1 L2/A1 L1/B1 L2/C1", Keys(await _catalog.SearchAsync(new ProductQuery(SortBy: ProductSortColumn.Trend))));
        Assert.Equal("L1/B1 L1/A1 L2/A1 L2/C1", Keys(await _catalog.SearchAsync(new ProductQuery(SortBy: ProductSortColumn.OnHand))));
        Assert.Equal("L1/B1 L2/C1 L1/A1 L2/A1", Keys(await _catalog.SearchAsync(new ProductQuery(SortBy: ProductSortColumn.Abc))));
        Assert.Equal("L2/C1 L1/B1 L1/A1 L2/A1", Keys(await _catalog.SearchAsync(new ProductQuery(SortBy: ProductSortColumn.Sku, Descending: true))));
    }

    [Theory]
    [InlineData(ProductSortColumn.Location, "L1/A1 L1/B1 L2/A1 L2/C1")]
    [InlineData(ProductSortColumn.Sku, "L1/A1 L2/A1 L1/B1 L2/C1")]
    [InlineData(ProductSortColumn.Name, "L1/A1 L2/A1 L1/B1 L2/C1")]
    [InlineData(ProductSortColumn.Category, "L1/B1 L1/A1 L2/A1 L2/C1")]
    [InlineData(ProductSortColumn.UnitsLast4Weeks, "L2/C1 L2/A1 L1/A1 L1/B1")]
    [InlineData(ProductSortColumn.ValueLast4Weeks, "L2/A1 L1/A1 L1/B1 L2/C1")]
    [InlineData(ProductSortColumn.Trend, "L1/A1 L2/A1 L1/B1 L2/C1")]
    [InlineData(ProductSortColumn.OnHand, "L1/B1 L1/A1 L2/A1 L2/C1")]
    [InlineData(ProductSortColumn.ForecastNext4Weeks, "L1/A1 L1/B1 L2/A1 L2/C1")]
    [InlineData(ProductSortColumn.Abc, "L1/B1 L2/C1 L1/A1 L2/A1")]
    [InlineData(ProductSortColumn.Xyz, "L1/A1 L1/B1 L2/C1 L2/A1")]
    [InlineData(ProductSortColumn.Alert, "L1/A1 L1/B1 L2/A1 L2/C1")] // no replenishment run: no alert, ties by location and sku
    public async Task EveryColumnSortsAscending(ProductSortColumn column, string expected)
    {
        Assert.Equal(expected, Keys(await _catalog.SearchAsync(new ProductQuery(SortBy: column))));
    }

    [Fact]
    public async Task FiltersAndSearchNarrowTheListAndItsCount()
    {
        async Task<string> Find(ProductQuery query)
        {
            var page = await _catalog.SearchAsync(query);
            Assert.Equal(page.Rows.Count, page.TotalCount);
            return Keys(page);
        }

        Assert.Equal("L2/A1 L2/C1", await Find(new ProductQuery(Location: "L2")));
        Assert.Equal("L1/A1 L2/A1", await Find(new ProductQuery(Category: "fruit")));
        Assert.Equal("L1/B1 L2/C1", await Find(new ProductQuery(Abc: AbcClass.A)));
        Assert.Equal("L2/A1", await Find(new ProductQuery(Xyz: XyzClass.Z)));
        Assert.Equal("L1/B1", await Find(new ProductQuery(Search: " bRE ")));
        Assert.Equal("L2/C1", await Find(new ProductQuery(Search: "c1")));
        Assert.Equal("L2/A1", await Find(new ProductQuery(Search: "apple", Location: "L2")));
        Assert.Equal("", await Find(new ProductQuery(Search: "%")));
        Assert.Equal(["L1", "L2"], await _catalog.LocationsAsync());
        Assert.Equal(["bakery", "fruit"], await _catalog.CategoriesAsync());
    }

    [Fact]
    public async Task ForecastColumnFollowsTheLatestSucceededRunsFirstFourWeeks()
    {
        Assert.Null((await _catalog.SearchAsync(new ProductQuery(Location: "L1"))).Rows[0].ForecastNext4Weeks);

        await CompleteRunAsync(11, 12, 13, 14, 15);
        var first = (await _catalog.SearchAsync(new ProductQuery(Location: "L1"))).Rows;
        Assert.Equal(11 + 12 + 13 + 14, first[0].ForecastNext4Weeks);
        Assert.Null(first[1].ForecastNext4Weeks);

        // A failed run changes nothing; a newer succeeded one replaces the figures.
        var failed = await _runs.StartAsync("forecast", "cli", "{}", null);
        await _runs.FailAsync(failed, cancelled: false, "broken");
        Assert.Equal(50, (await _catalog.SearchAsync(new ProductQuery(Location: "L1"))).Rows[0].ForecastNext4Weeks);
        await CompleteRunAsync(1, 2, 3, 4, 5);
        Assert.Equal(10, (await _catalog.SearchAsync(new ProductQuery(Location: "L1"))).Rows[0].ForecastNext4Weeks);

        // A new import refreshes the sales figures too: L1/A1 sold 30 more on the last Friday.
        await Import(DataKind.Sales, "more.csv", "location,sku,date,quantity\nL1,A1,2024-02-23,40\n");
        Assert.Equal(70, (await _catalog.SearchAsync(new ProductQuery(Location: "L1"))).Rows[0].UnitsLast4Weeks);
    }

    [Fact]
    public async Task ProductDetailHoldsFactsHistoryForecastAndExplanations()
    {
        var reader = new ProductDetailReader(_test.Store, _runs);
        var before = await reader.ReadAsync("L1", "A1");
        Assert.NotNull(before);
        Assert.Null(before.Run);
        Assert.Empty(before.Forecast);

        var runId = await CompleteRunAsync(11, 12);
        var detail = await reader.ReadAsync("L1", "A1");

        Assert.NotNull(detail);
        Assert.Equal(new ProductFacts("L1", "A1", "Apples", "fruit", null, 2, null, null, null, null, null, 7, 12, new DateOnly(2024, 2, 23)), detail.Facts);
        Assert.Equal(SalesGrain.Weekly, detail.Grain?.Period);
        Assert.Equal(8, detail.History.Count);
        Assert.Equal(new SalesPoint(FirstFriday, 10), detail.History[0]);
        Assert.Equal(new SalesPoint(new DateOnly(2024, 2, 23), 10), detail.History[^1]);
        Assert.Equal(runId, detail.Run?.Id);
        Assert.Equal([11.0, 12.0], detail.Forecast.Select(f => f.P50 ?? double.NaN));
        Assert.Equal(["lag_1", "price_ratio"], detail.Explanations.Select(e => e.Feature));

        // A series with sales and no product row still has a page; one the store has never seen has none.
        Assert.Null(detail.BacktestRunId);
        Assert.Empty(detail.Backtests);
        Assert.Equal((null, null, 0), detail.BacktestWape);

        var unknownProduct = await reader.ReadAsync("L2", "C1");
        Assert.Equal((null, 4), (unknownProduct?.Facts.Name, unknownProduct?.History.Count));
        Assert.Empty(unknownProduct!.Forecast);
        Assert.Null(await reader.ReadAsync("L9", "ZZ"));
    }
}
