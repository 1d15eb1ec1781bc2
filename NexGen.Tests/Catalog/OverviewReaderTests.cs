using System.Text;
using NexGen.Core.Catalog;
using NexGen.Core.Forecasting;
using NexGen.Core.Ingestion;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Tests.Catalog;

/// <summary>
/// The overview's figures on a real store with 57 weeks of weekly sales (Fridays; week 0 = 2023-01-06, week 56 =
/// 2024-01-26, the last sales date), small enough to compute every figure by hand. The last 4 weeks are weeks 53-56, the
/// 4 before weeks 49-52, the same 4 weeks a year earlier (364 days) weeks 1-4.
/// <list type="table">
/// <item>L1/A1 (Apples, fruit, unit price 2): 10 a week, 15 in weeks 1-4. 4 weeks 40 units (80); before 40 (80); a year earlier 60 (120).</item>
/// <item>L1/B1 (Bread, bakery, unit price 3): 5 a week, 20 in weeks 53-56. 80 (240); before 20 (60); a year earlier 20 (60).</item>
/// <item>L2/A1 (Apples): 8 a week up to week 52, then nothing. 0 (0); before 32 (64); a year earlier 32 (64).</item>
/// <item>L2/C1 (no product row): 1 a week at price 100 in weeks 53-56. 4 (400); before 0 (0).</item>
/// </list>
/// All locations: 124 units (720) against 92 (204) before and 112 (244) a year earlier; L1 alone: 120 (320), 60 (140), 80 (180).
/// </summary>
public sealed class OverviewReaderTests : IAsyncLifetime
{
    static readonly DateOnly Week0 = new(2023, 1, 6);
    static DateOnly Week(int week) => Week0.AddDays(7 * week);

    readonly TestStore _test = new();
    RunStore _runs = default!;
    ReplenishmentStore _replenishments = default!;
    OverviewReader _reader = default!;

    public async Task InitializeAsync()
    {
        _runs = new RunStore(_test.Store);
        _replenishments = new ReplenishmentStore(_test.Store);
        _reader = new OverviewReader(_test.Store, _runs, _replenishments);
        await Import(DataKind.Products, "products.csv", "sku,name,category,unit_price\nA1,Apples,fruit,2\nB1,Bread,bakery,3\n");
        var sales = new StringBuilder("location,sku,date,quantity,price\n");
        for (var week = 0; week <= 56; week++)
        {
            var date = Week(week).ToString("yyyy-MM-dd");
            sales.Append($"L1,A1,{date},{(week is >= 1 and <= 4 ? 15 : 10)},\n");
            sales.Append($"L1,B1,{date},{(week >= 53 ? 20 : 5)},\n");
            if (week <= 52)
                sales.Append($"L2,A1,{date},8,\n");
            else
                sales.Append($"L2,C1,{date},1,100\n");
        }
        await Import(DataKind.Sales, "sales.csv", sales.ToString());
    }

    public async Task DisposeAsync() => await _test.DisposeAsync();

    async Task Import(DataKind kind, string name, string content)
    {
        var report = await _test.ImportAsync(kind, _test.WriteFile(name, content));
        Assert.True(report.Status == ImportStatus.Succeeded, report.Message);
    }

    /// <summary>
    /// A succeeded run forecasting 6 weeks from week 57: L1/A1 11 a week (p10 8, p90 14), L2/A1 5 a week (p10 unknown,
    /// p50 4, p90 7). Its first 4 weeks: 44 + 20 = 64 units, at unit price 2: 128. The total's own interval is -20 % /
    /// +25 % of its forecast, L1's -10 % / +10 % (L2 has none).
    /// </summary>
    async Task<long> CompleteForecastAsync()
    {
        var id = await _runs.StartAsync("forecast", "cli", "{}", null);
        var rows = Enumerable.Range(57, 6).SelectMany(week => new[]
        {
            new ForecastRow("L1", "A1", Week(week), 11, 8, 11, 14, 15, "nexgen_gbm"),
            new ForecastRow("L2", "A1", Week(week), 5, null, 4, 7, 8, "seasonal_naive"),
        });
        await _runs.CompleteAsync(id, """{"cutoff":"2024-01-26","horizon":6,"periodDays":7}""", null, rows, new ForecastDetails
        {
            AggregateIntervals =
            [
                new AggregateInterval(null, 0.1, -0.2), new AggregateInterval(null, 0.9, 0.25),
                new AggregateInterval("L1", 0.1, -0.1), new AggregateInterval("L1", 0.9, 0.1),
            ],
        });
        return id;
    }

    [Fact]
    public async Task SalesKpisCompareTheLastFourWeeksWithTheFourBeforeAndWithLastYear()
    {
        Assert.Equal(new SalesKpis(Week(56), 124, 720, 92, 204, 112, 244), await _reader.SalesKpisAsync(null));
        Assert.Equal(new SalesKpis(Week(56), 120, 320, 60, 140, 80, 180), await _reader.SalesKpisAsync("L1"));
        // L2/C1 has no price in its product row but sold at 100; L2/A1 sold nothing lately: 0 units, not unknown.
        Assert.Equal(new SalesKpis(Week(56), 4, 400, 32, 64, 32, 64), await _reader.SalesKpisAsync("L2"));
        Assert.Equal(new SalesKpis(Week(56), 0, 0, 0, 0, 0, 0), await _reader.SalesKpisAsync("nowhere"));
    }

    [Fact]
    public async Task ANewImportIsSeenByTheNextRead()
    {
        Assert.Equal(124, (await _reader.SalesKpisAsync(null)).Units);
        // L3 sells 5 of B1 (unit price 3) in week 56: 5 more units, 15 more value, and a third location.
        await Import(DataKind.Sales, "more.csv", $"location,sku,date,quantity\nL3,B1,{Week(56):yyyy-MM-dd},5\n");

        Assert.Equal(new SalesKpis(Week(56), 129, 735, 92, 204, 112, 244), await _reader.SalesKpisAsync(null));
        Assert.Equal(
            [new SalesBreakdown("L1", 120, 320), new SalesBreakdown("L3", 5, 15), new SalesBreakdown("L2", 4, 400)],
            await _reader.ByLocationAsync(null, 4, SalesMeasure.Units));
        Assert.Equal(new SalesPoint(Week(56), 36), (await _reader.TrendAsync(null)).History[^1]);
    }

    [Fact]
    public async Task ComparisonsAreUnknownWhenTheHistoryDoesNotReachBackOverTheirWindow()
    {
        await using var test = new TestStore();
        // Weeks 48-56 only: the 4 weeks before are covered (from week 49), a year back is not.
        var sales = new StringBuilder("location,sku,date,quantity\n");
        for (var week = 48; week <= 56; week++)
            sales.Append($"L1,A1,{Week(week):yyyy-MM-dd},{week}\n");
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("sales.csv", sales.ToString()));
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        var reader = new OverviewReader(test.Store, new RunStore(test.Store), new ReplenishmentStore(test.Store));

        // 53 + 54 + 55 + 56 = 218 against 49 + 50 + 51 + 52 = 202; no price anywhere, so no value.
        Assert.Equal(new SalesKpis(Week(56), 218, null, 202, null, null, null), await reader.SalesKpisAsync(null));
    }

    [Fact]
    public async Task AnEmptyStoreHasNoLastDateAndNothingElse()
    {
        await using var test = new TestStore();
        var reader = new OverviewReader(test.Store, new RunStore(test.Store), new ReplenishmentStore(test.Store));

        Assert.Equal(new SalesKpis(null, 0, 0, null, null, null, null), await reader.SalesKpisAsync(null));
        Assert.Null(await reader.ForecastKpiAsync(null));
        Assert.Null(await reader.AlertKpiAsync(null));
        var trend = await reader.TrendAsync(null);
        Assert.Empty(trend.History);
        Assert.Empty(trend.Forecast);
        Assert.Empty(await reader.ByCategoryAsync(null, 4, SalesMeasure.Units));
        Assert.Empty(await reader.TopSellersAsync(null, 4, SalesMeasure.Units, 10));
    }

    [Fact]
    public async Task TheForecastKpiSumsTheFirstFourWeeksOfTheLatestSucceededRun()
    {
        var id = await CompleteForecastAsync();
        // A later run that failed does not count.
        await _runs.FailAsync(await _runs.StartAsync("forecast", "cli", "{}", null), cancelled: false, "boom");

        var all = await _reader.ForecastKpiAsync(null);
        Assert.NotNull(all);
        Assert.Equal(id, all.Run.Id);
        Assert.Equal((64.0, 128.0, Week(57), Week(60)), (all.Units, all.Value, all.From, all.To));
        var l2 = await _reader.ForecastKpiAsync("L2");
        Assert.Equal((20.0, 40.0), (l2!.Units, l2.Value));
        var none = await _reader.ForecastKpiAsync("nowhere");
        Assert.Equal((0.0, (double?)null, (DateOnly?)null), (none!.Units, none.Value, none.From));
    }

    [Fact]
    public async Task OpenAlertsComeFromTheLatestReplenishmentRun()
    {
        var forecast = await CompleteForecastAsync();
        ReplenishmentAlert Alert(string location, string sku, string kind, AlertSeverity severity, double value) =>
            new(location, sku, kind, severity, kind, 1, 1, value);
        var first = await _replenishments.SaveAsync(new ReplenishmentPlan(Week(56), forecast, 7, [],
            [Alert("L1", "A1", AlertKinds.Stockout, AlertSeverity.Critical, 999)]), 0.1);
        Assert.Equal(new AlertKpi(first.Id, Week(56), 1, 1, 999), await _reader.AlertKpiAsync(null));
        // A newer run is read, not the figures kept from the first one.
        var latest = await _replenishments.SaveAsync(new ReplenishmentPlan(Week(56), forecast, 7, [],
        [
            Alert("L1", "A1", AlertKinds.Stockout, AlertSeverity.Critical, 50),
            Alert("L1", "B1", AlertKinds.Overstock, AlertSeverity.Warning, 30),
            Alert("L2", "A1", AlertKinds.LowStock, AlertSeverity.Critical, 20),
        ]), 0.1);

        Assert.Equal(new AlertKpi(latest.Id, Week(56), 3, 2, 100), await _reader.AlertKpiAsync(null));
        Assert.Equal(new AlertKpi(latest.Id, Week(56), 2, 1, 80), await _reader.AlertKpiAsync("L1"));
        Assert.Equal(new AlertKpi(latest.Id, Week(56), 0, 0, 0), await _reader.AlertKpiAsync("nowhere"));
    }

    [Fact]
    public async Task TheTrendTotalsEveryPeriodAndContinuesWithTheForecastTotals()
    {
        var trend = await _reader.TrendAsync(null);
        Assert.Equal(57, trend.History.Count);
        Assert.Equal(new SalesPoint(Week(0), 23), trend.History[0]);
        Assert.Equal(new SalesPoint(Week(2), 28), trend.History[2]);
        Assert.Equal(new SalesPoint(Week(56), 31), trend.History[^1]);
        Assert.Equal(SalesGrain.Weekly, trend.Grain?.Period);
        Assert.Empty(trend.Forecast);

        await CompleteForecastAsync();
        trend = await _reader.TrendAsync(null);
        // The line is the sum of the point forecasts (11 + 5), not of medians; the band is the total's own interval.
        Assert.Equal(Enumerable.Range(57, 6).Select(week => new ForecastTotal(Week(week), 16, 12.8, 20)), trend.Forecast, new ForecastTotalComparer());

        var l1 = await _reader.TrendAsync("L1");
        Assert.Equal(new SalesPoint(Week(56), 30), l1.History[^1]);
        Assert.Equal(new ForecastTotal(Week(57), 11, 9.9, 12.1), l1.Forecast[0], new ForecastTotalComparer());
        var l2 = await _reader.TrendAsync("L2");
        Assert.Equal(new ForecastTotal(Week(57), 5, null, null), l2.Forecast[0]);
    }

    [Fact]
    public async Task CategoriesAndLocationsAreRankedByTheChosenMeasureOverTheChosenWeeks()
    {
        Assert.Equal(
            [new SalesBreakdown("bakery", 80, 240), new SalesBreakdown("fruit", 40, 80), new SalesBreakdown("(no category)", 4, 400)],
            await _reader.ByCategoryAsync(null, 4, SalesMeasure.Units));
        Assert.Equal(
            [new SalesBreakdown("(no category)", 4, 400), new SalesBreakdown("bakery", 80, 240), new SalesBreakdown("fruit", 40, 80)],
            await _reader.ByCategoryAsync(null, 4, SalesMeasure.Value));
        // 13 weeks = weeks 44-56: fruit 130 + 9 x 8 = 202 units (404), bakery 9 x 5 + 80 = 125 (375).
        Assert.Equal(
            [new SalesBreakdown("fruit", 202, 404), new SalesBreakdown("(no category)", 4, 400), new SalesBreakdown("bakery", 125, 375)],
            await _reader.ByCategoryAsync(null, 13, SalesMeasure.Value));

        Assert.Equal([new SalesBreakdown("L1", 120, 320), new SalesBreakdown("L2", 4, 400)], await _reader.ByLocationAsync(null, 4, SalesMeasure.Units));
        Assert.Equal([new SalesBreakdown("L2", 4, 400), new SalesBreakdown("L1", 120, 320)], await _reader.ByLocationAsync(null, 4, SalesMeasure.Value));
        Assert.Equal([new SalesBreakdown("L2", 4, 400)], await _reader.ByLocationAsync("L2", 4, SalesMeasure.Units));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _reader.ByLocationAsync(null, 0, SalesMeasure.Units));
    }

    [Fact]
    public async Task TopSellersAndMoversAreRankedByQuantityOrByValue()
    {
        var bread = new SeriesSales("L1", "B1", "Bread", 80, 240, 20, 60);
        var apples = new SeriesSales("L1", "A1", "Apples", 40, 80, 40, 80);
        var c1 = new SeriesSales("L2", "C1", null, 4, 400, 0, 0);
        var fallen = new SeriesSales("L2", "A1", "Apples", 0, 0, 32, 64);

        // L2/A1 sold nothing in the last 4 weeks: not a seller.
        Assert.Equal([bread, apples, c1], await _reader.TopSellersAsync(null, 4, SalesMeasure.Units, 10));
        Assert.Equal([c1, bread], await _reader.TopSellersAsync(null, 4, SalesMeasure.Value, 2));
        Assert.Equal([c1], await _reader.TopSellersAsync("L2", 4, SalesMeasure.Units, 10));

        // Units: B1 +60, C1 +4, L2/A1 -32; L1/A1 did not move. Value: C1 +400, B1 +180, L2/A1 -64.
        var units = await _reader.MoversAsync(null, 4, SalesMeasure.Units, 10);
        Assert.Equal([bread, c1], units.Risers);
        Assert.Equal([fallen], units.Fallers);
        var value = await _reader.MoversAsync(null, 4, SalesMeasure.Value, 1);
        Assert.Equal([c1], value.Risers);
        Assert.Equal([fallen], value.Fallers);
        Assert.Equal(-64, fallen.Change(SalesMeasure.Value));

        // 13 weeks (44-56) against 13 before (31-43): L1/A1 130 vs 130, B1 125 vs 65, L2/A1 72 vs 104, C1 4 vs 0.
        var quarter = await _reader.MoversAsync("L1", 13, SalesMeasure.Units, 10);
        Assert.Equal([new SeriesSales("L1", "B1", "Bread", 125, 375, 65, 195)], quarter.Risers);
        Assert.Empty(quarter.Fallers);
        Assert.True(quarter.Compared);

        // 28 weeks against the 28 before reach back to week 1 (covered); 29 weeks to week -1, before the first sale.
        Assert.True((await _reader.MoversAsync(null, 28, SalesMeasure.Units, 10)).Compared);
        var uncovered = await _reader.MoversAsync(null, 29, SalesMeasure.Units, 10);
        Assert.False(uncovered.Compared);
        Assert.Empty(uncovered.Risers);
        Assert.Empty(uncovered.Fallers);
    }

    sealed class ForecastTotalComparer : IEqualityComparer<ForecastTotal>
    {
        public bool Equals(ForecastTotal? x, ForecastTotal? y) => x is not null && y is not null && x.Date == y.Date
            && Math.Abs(x.Forecast - y.Forecast) < 1e-9 && Math.Abs((x.P10 ?? -1) - (y.P10 ?? -1)) < 1e-9 && Math.Abs((x.P90 ?? -1) - (y.P90 ?? -1)) < 1e-9;

        public int GetHashCode(ForecastTotal obj) => obj.Date.GetHashCode();
    }
}
