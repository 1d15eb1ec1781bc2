using NexGen.Core.Catalog;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;
using static NexGen.Tests.Replenishment.ReplenishmentTestData;

namespace NexGen.Tests.Replenishment;

/// <summary>
/// What the Replenishment page and the product page read and write through <see cref="ReplenishmentStore"/> on
/// <see cref="ReplenishmentTestData"/>: pages of suggestions with their purchase-order lines, pages of alerts with
/// their totals, approval of several lines with their own quantities, exports into the exports folder, and the stock
/// projection of one series.
/// </summary>
public class ReplenishmentReviewTests
{
    static async Task<(TestStore Test, ReplenishmentStore Orders, ReplenishmentRunRecord Run)> RunAsync()
    {
        var test = new TestStore();
        await CreateAsync(test);
        var orders = new ReplenishmentStore(test.Store);
        var (run, _) = await new ReplenishmentService(test.Store, new RunStore(test.Store), orders, Options()).RunAsync();
        return (test, orders, run);
    }

    static async Task<List<PurchaseOrderLine>> LinesAsync(ReplenishmentStore orders, long run) => [.. await orders.PurchaseOrderLinesAsync(run)];

    [Fact]
    public async Task SuggestionsPageFiltersByLocationSearchAndStatusAndCarriesEveryNumberAndTheLine()
    {
        var (test, orders, run) = await RunAsync();
        await using var _ = test;

        var l1Orders = await orders.SuggestionsAsync(run.Id, new SuggestionQuery(Location: "L1"));
        var everySeries = await orders.SuggestionsAsync(run.Id, new SuggestionQuery(Show: SuggestionFilter.All, PageSize: 5, Page: 2));
        var byName = await orders.SuggestionsAsync(run.Id, new SuggestionQuery(Search: "PRODUCT d", Show: SuggestionFilter.All));
        var biggest = await orders.SuggestionsAsync(run.Id, new SuggestionQuery(SortBy: SuggestionSortColumn.Quantity, Descending: true, PageSize: 2));
        var mostUrgent = await orders.SuggestionsAsync(run.Id, new SuggestionQuery(SortBy: SuggestionSortColumn.ProjectedStock, PageSize: 1));

        Assert.Equal(5, l1Orders.TotalCount);
        Assert.Equal(["A", "B", "D", "E", "K"], l1Orders.Rows.Select(r => r.Sku));
        // 14 series (13 at L1, A at L2), by location then sku: the third page of 5 holds the last 4.
        Assert.Equal(14, everySeries.TotalCount);
        Assert.Equal([("L1", "K"), ("L1", "M"), ("L1", "N"), ("L2", "A")], everySeries.Rows.Select(r => (r.Location, r.Sku)));
        Assert.Equal(["D"], byName.Rows.Select(r => r.Sku));
        Assert.Equal([("D", 152), ("B", 96)], biggest.Rows.Select(r => (r.Sku, r.LineQuantity!.Value)));
        Assert.Equal(("B", -70.0), (mostUrgent.Rows[0].Sku, mostUrgent.Rows[0].ProjectedStock!.Value));

        // A at L1: pack 12, MOQ 50, on hand 150, S = 182: need 32 -> 36 -> 60, every step and the line.
        var a = l1Orders.Rows[0];
        Assert.Equal(("Product A", "Acme", "(R, S)", 150.0, 150.0), (a.Name, a.Supplier, a.Policy, a.OnHand!.Value, a.InventoryPosition!.Value));
        Assert.Equal((70.0, 140.0, 42.0, 182.0), (a.DemandOverLeadTime!.Value, a.DemandOverProtectionPeriod!.Value, a.SafetyStock!.Value, a.OrderUpToLevel!.Value));
        Assert.Null(a.ReorderPoint);
        Assert.Equal((32.0, 36, 60, 60, 60, 60, 12, 50), (a.RawNeed!.Value, a.AfterPack!.Value, a.AfterMinimum!.Value, a.AfterMaximum!.Value,
            a.AfterMaximumStock!.Value, a.OrderQuantity!.Value, a.PackSize, a.MinOrderQuantity));
        Assert.Equal((7, 7, 7.0, 0.95), (a.LeadTimeDays, a.ReviewPeriodDays, a.LeadTimePeriods, a.ServiceLevel!.Value));
        Assert.Equal("Order 60 (5 packs of 12): inventory position 150 is below the order-up-to level 182; raised to the minimum order quantity 50", a.Reason);
        Assert.Equal(($"PO-{run.Id}-002", 60, PurchaseOrderLine.StatusSuggested, 120.0), (a.PoNumber, a.LineQuantity!.Value, a.LineStatus, a.LineValue!.Value));
        // A series without a suggestion has its reason and no line.
        var h = (await orders.SuggestionAsync(run.Id, "L1", "H"))!;
        Assert.Equal(("No suggestion: no inventory snapshot at or before 2024-01-28", null, null), (h.Reason, h.LineId, h.OrderQuantity));
        Assert.Null(await orders.SuggestionAsync(run.Id, "L9", "A"));
    }

    [Fact]
    public async Task AlertsPageFiltersByLocationAndSeverityAndCountsEverySeverityAtTheLocation()
    {
        var (test, orders, run) = await RunAsync();
        await using var _ = test;
        var all = await orders.AlertsAsync(run.Id, 1000);

        var critical = await orders.AlertsAsync(run.Id, new AlertQuery(Severity: AlertSeverity.Critical));
        var l2 = await orders.AlertsAsync(run.Id, new AlertQuery(Location: "L2"));
        var second = await orders.AlertsAsync(run.Id, new AlertQuery(Page: 1, PageSize: 2));

        Assert.Equal(all.Where(a => a.Severity == AlertSeverity.Critical), critical.Rows);
        Assert.Equal((critical.Rows.Count, all.Count), (critical.TotalCount, critical.Critical + critical.Warning + critical.Info));
        Assert.Equal(Math.Round(all.Sum(a => a.ValueAtRisk), 4), Math.Round(critical.ValueAtRisk, 4));
        Assert.Equal(all.Where(a => a.Location == "L2"), l2.Rows);
        Assert.Equal(l2.Rows.Count, l2.Critical + l2.Warning + l2.Info);
        // Pages follow the rank: value at risk, highest first.
        Assert.Equal(all.Skip(2).Take(2), second.Rows);
    }

    [Fact]
    public async Task ApprovingLinesTakesEachQuantityInOneTransactionAndRefusesPartPacksAndExportedLines()
    {
        var (test, orders, run) = await RunAsync();
        await using var _ = test;
        var lines = await LinesAsync(orders, run.Id);
        long Id(string location, string sku) => lines.Single(l => l.Location == location && l.Sku == sku).Id;

        Assert.Equal(2, await orders.ApproveLinesAsync(run.Id, [new LineApproval(Id("L1", "A"), 72), new LineApproval(Id("L1", "D"), 152)]));

        // One quantity that is not whole packs (A at L2: pack 12) stops the whole batch.
        var notPacks = await Assert.ThrowsAsync<ArgumentException>(() =>
            orders.ApproveLinesAsync(run.Id, [new LineApproval(Id("L1", "E"), 82), new LineApproval(Id("L2", "A"), 50)]));
        Assert.StartsWith("Quantity 50 for L2 / A must be whole packs of 12 (at least one pack).", notPacks.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => orders.ApproveLinesAsync(run.Id, [new LineApproval(Id("L1", "E"), 0)]));
        await Assert.ThrowsAsync<ArgumentException>(() => orders.ApproveLinesAsync(run.Id, [new LineApproval(-1, 12)]));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            orders.ApproveLinesAsync(run.Id, [new LineApproval(Id("L1", "E"), 82), new LineApproval(Id("L1", "E"), 83)]));
        var after = await LinesAsync(orders, run.Id);
        Assert.Equal(
            [("L1", "A", "approved", 72), ("L1", "B", "suggested", 96), ("L1", "D", "approved", 152), ("L1", "E", "suggested", 82),
             ("L1", "K", "suggested", 82), ("L2", "A", "suggested", 60)],
            after.OrderBy(l => l.Location).ThenBy(l => l.Sku).Select(l => (l.Location, l.Sku, l.Status, l.Quantity)));
        Assert.Equal(new PurchaseOrderSummary(4, 2, 0, 224, 448), await orders.PurchaseOrderSummaryAsync(run.Id));
        Assert.Equal(new PurchaseOrderSummary(1, 0, 0, 0, 0), await orders.PurchaseOrderSummaryAsync(run.Id, "L2"));

        // Exported lines are final.
        Assert.NotNull(await orders.ExportApprovedAsync(run.Id, "csv", PurchaseOrderFilter.All));
        var final = await Assert.ThrowsAsync<InvalidOperationException>(() => orders.ApproveLinesAsync(run.Id, [new LineApproval(Id("L1", "A"), 60)]));
        Assert.Contains("already exported", final.Message);
    }

    [Fact]
    public async Task ApprovedLinesExportIntoTheExportsFolderAndAreListedNewestFirst()
    {
        var (test, orders, run) = await RunAsync();
        await using var _ = test;
        var lines = await LinesAsync(orders, run.Id);
        await orders.ApproveLinesAsync(run.Id, [.. lines.Select(l => new LineApproval(l.Id, l.Quantity))]);

        var l2 = await orders.ExportApprovedAsync(run.Id, "parquet", new PurchaseOrderFilter(Location: "L2"));
        var l1 = await orders.ExportApprovedAsync(run.Id, "CSV", new PurchaseOrderFilter(Location: "L1"));
        var none = await orders.ExportApprovedAsync(run.Id, "csv", PurchaseOrderFilter.All);

        Assert.Null(none);
        Assert.Equal(Path.Combine(test.Folder, "exports"), orders.ExportsFolder);
        Assert.NotNull(l1);
        Assert.NotNull(l2);
        Assert.Equal((1, 60L, 120.0, "parquet", run.Id), (l2.Lines, l2.Units, l2.Value, l2.Format, l2.RunId));
        Assert.Equal((5, 60L + 96 + 152 + 82 + 82, 2.0 * (60 + 96 + 152 + 82 + 82), "csv"), (l1.Lines, l1.Units, l1.Value, l1.Format));
        Assert.Matches($@"^po-run-{run.Id}-\d{{8}}-\d{{6}}(-\d+)?\.csv$", l1.FileName);
        Assert.Equal(orders.ExportsFolder, Path.GetDirectoryName(l1.Path));
        Assert.StartsWith("po_number,supplier,location,sku,quantity,", File.ReadAllText(l1.Path));
        Assert.Equal("PAR1", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(l2.Path), 0, 4));
        var exports = await orders.ExportsAsync();
        Assert.Equal([l1.Path, l2.Path], exports.Select(e => e.Path));
        Assert.Equal(new PurchaseOrderSummary(0, 0, 6, 0, 0), await orders.PurchaseOrderSummaryAsync(run.Id));
    }

    [Fact]
    public async Task ExportsStartedTogetherKeepBothFiles()
    {
        var (test, orders, run) = await RunAsync();
        await using var _ = test;
        var lines = await LinesAsync(orders, run.Id);
        await orders.ApproveLinesAsync(run.Id, [.. lines.Select(l => new LineApproval(l.Id, l.Quantity))]);

        var exports = await Task.WhenAll(
            orders.ExportApprovedAsync(run.Id, "csv", new PurchaseOrderFilter(Location: "L1")),
            orders.ExportApprovedAsync(run.Id, "csv", new PurchaseOrderFilter(Location: "L2")));

        Assert.All(exports, e => Assert.NotNull(e));
        Assert.NotEqual(exports[0]!.Path, exports[1]!.Path);
        Assert.Equal(5, File.ReadAllLines(exports[0]!.Path).Length - 1);
        Assert.Equal(1, File.ReadAllLines(exports[1]!.Path).Length - 1);
        Assert.Equal(2, Directory.GetFiles(orders.ExportsFolder).Length);
    }

    [Fact]
    public void ProjectedStockSubtractsTheForecastAndAddsTheOrderFromTheEndOfTheLeadTime()
    {
        var asOf = new DateOnly(2024, 1, 28);
        var forecast = Enumerable.Range(0, 5).Select(d => (asOf.AddDays(d), 10.0)).ToList(); // the first is the as-of day: skipped

        var points = StockProjection.Project(asOf, 30, forecast, leadTimePeriods: 2, orderQuantity: 48);
        var fractional = StockProjection.Project(asOf, 30, forecast, leadTimePeriods: 1.4, orderQuantity: 48);
        var atOnce = StockProjection.Project(asOf, 30, forecast, leadTimePeriods: 0, orderQuantity: 48);

        Assert.Equal(
            [(asOf, 30.0, 30.0), (asOf.AddDays(1), 20.0, 20.0), (asOf.AddDays(2), 10.0, 58.0), (asOf.AddDays(3), 0.0, 48.0), (asOf.AddDays(4), -10.0, 38.0)],
            points.Select(p => (p.Date, p.WithoutOrder, p.WithOrder)));
        Assert.Equal(points.Select(p => p.WithOrder), fractional.Select(p => p.WithOrder));
        Assert.Equal(78.0, atOnce[0].WithOrder);
    }

    [Fact]
    public async Task TheProductPageReadsTheSeriesSuggestionAndItsProjectionOverTheForecastTheRunRead()
    {
        var (test, orders, run) = await RunAsync();
        await using var _ = test;
        var reader = new ProductReplenishmentReader(orders, new RunStore(test.Store));

        var d = await reader.ReadAsync("L1", "D");
        var h = await reader.ReadAsync("L1", "H");
        var unknown = await reader.ReadAsync("L9", "Z");

        // D: on hand 30, 10 a day, lead time 7 days, order 152: the order counts from day 7 on.
        Assert.Equal((run.Id, 152, (long?)null), (d.Run!.Id, d.Suggestion!.OrderQuantity!.Value, d.LatestForecastRunId));
        Assert.Equal(Horizon + 1, d.Projection.Count);
        Assert.Equal((AsOf, 30.0), (d.Projection[0].Date, d.Projection[0].WithoutOrder));
        Assert.Equal((-30.0, -30.0), (d.Projection[6].WithoutOrder, d.Projection[6].WithOrder));
        Assert.Equal((-40.0, 112.0), (d.Projection[7].WithoutOrder, d.Projection[7].WithOrder));
        Assert.Equal((-250.0, -98.0), (d.Projection[^1].WithoutOrder, d.Projection[^1].WithOrder));
        // H has no inventory: its line, no projection; a series the run did not plan has no line.
        Assert.Equal((null, 0), (h.Suggestion!.OnHand, h.Projection.Count));
        Assert.Equal((run.Id, null), (unknown.Run!.Id, unknown.Suggestion));
    }
}
