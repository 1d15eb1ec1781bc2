using NexGen.Core.Replenishment;
using NexGen.Core.Store;
using static NexGen.Tests.Replenishment.ReplenishmentTestData;

namespace NexGen.Tests.Replenishment;

/// <summary>
/// Purchase-order lines from a replenishment run on <see cref="ReplenishmentTestData"/>: grouped by supplier and
/// location, approved (with an edited quantity), exported as CSV and Parquet through DuckDB and read back with DuckDB.
/// </summary>
public class PurchaseOrderTests
{
    static async Task<(TestStore Test, ReplenishmentStore Orders, long Run)> RunAsync()
    {
        var test = new TestStore();
        await CreateAsync(test);
        var (run, _) = await new ReplenishmentService(test.Store, new RunStore(test.Store), new ReplenishmentStore(test.Store), Options()).RunAsync();
        return (test, new ReplenishmentStore(test.Store), run.Id);
    }

    static List<(string Po, string Supplier, string Location, string Sku, string Quantity, string Value)> ReadBack(TestStore test, string file) =>
        test.Query<(string, string, string, string, string, string)>($"""
            SELECT po_number, supplier, location, sku, quantity, line_value
            FROM {(file.EndsWith(".csv") ? $"read_csv('{file}', header = true, all_varchar = true)" : $"(SELECT COLUMNS(*)::VARCHAR FROM read_parquet('{file}'))")}
            """);

    [Fact]
    public async Task SuggestedLinesAreGroupedBySupplierAndLocation()
    {
        var (test, orders, run) = await RunAsync();
        await using var _ = test;

        var lines = await orders.PurchaseOrderLinesAsync(run);

        // Suppliers in ordinal order ("=Bolt" before "Acme"), then locations: one purchase order each.
        Assert.Equal(
        [
            ($"PO-{run}-001", "=Bolt", "L1", "E", 82), ($"PO-{run}-001", "=Bolt", "L1", "K", 82),
            ($"PO-{run}-002", "Acme", "L1", "A", 60), ($"PO-{run}-002", "Acme", "L1", "B", 96), ($"PO-{run}-002", "Acme", "L1", "D", 152),
            ($"PO-{run}-003", "Acme", "L2", "A", 60),
        ], lines.Select(l => (l.PoNumber, l.Supplier, l.Location, l.Sku, l.Quantity)));
        Assert.All(lines, l => Assert.Equal((PurchaseOrderLine.StatusSuggested, l.Quantity, 2.0), (l.Status, l.SuggestedQty, l.UnitCost!.Value)));
    }

    [Fact]
    public async Task ApprovedLinesExportAsCsvAndParquetAndBecomeExported()
    {
        var (test, orders, run) = await RunAsync();
        await using var _ = test;

        Assert.Equal(4, await orders.ApproveAsync(run, new PurchaseOrderFilter(Supplier: "Acme")));
        Assert.Equal(1, await orders.ApproveAsync(run, new PurchaseOrderFilter(Location: "L1", Sku: "A"), quantity: 72));
        var csv = Path.Combine(test.Folder, "acme.csv");
        Assert.Equal(4, await orders.ExportPurchaseOrdersAsync(run, csv, "csv", new PurchaseOrderFilter(Supplier: "Acme")));

        Assert.Equal(
        [
            ($"PO-{run}-002", "Acme", "L1", "A", "72", "144.0"), ($"PO-{run}-002", "Acme", "L1", "B", "96", "192.0"),
            ($"PO-{run}-002", "Acme", "L1", "D", "152", "304.0"), ($"PO-{run}-003", "Acme", "L2", "A", "60", "120.0"),
        ], ReadBack(test, csv));
        Assert.StartsWith("po_number,supplier,location,sku,quantity,pack_size,unit_cost,line_value,suggested_qty,line_id,run_id,approved\n",
            File.ReadAllText(csv));

        // The "=Bolt" lines: a CSV cell that would run as a formula is neutralised; Parquet keeps the value.
        Assert.Equal(2, await orders.ApproveAsync(run, new PurchaseOrderFilter(PoNumber: $"PO-{run}-001")));
        var bolt = Path.Combine(test.Folder, "bolt.csv");
        var parquet = Path.Combine(test.Folder, "bolt.parquet");
        Assert.Equal(1, await orders.ExportPurchaseOrdersAsync(run, bolt, "csv", new PurchaseOrderFilter(Sku: "E")));
        Assert.Equal(1, await orders.ExportPurchaseOrdersAsync(run, parquet, "parquet", PurchaseOrderFilter.All));
        Assert.Equal([($"PO-{run}-001", "'=Bolt", "L1", "E", "82", "164.0")], ReadBack(test, bolt));
        Assert.Equal([($"PO-{run}-001", "=Bolt", "L1", "K", "82", "164.0")], ReadBack(test, parquet));

        var lines = await orders.PurchaseOrderLinesAsync(run);
        Assert.All(lines, l => Assert.Equal(PurchaseOrderLine.StatusExported, l.Status));
        Assert.Equal(parquet, lines.Single(l => l.Sku == "K").ExportPath);
        Assert.Equal((72, 60), (lines.Single(l => l.Sku == "A" && l.Location == "L1").Quantity, lines.Single(l => l.Sku == "A" && l.Location == "L1").SuggestedQty));
        // Exported lines are final: nothing left to approve or export, and no file is written.
        Assert.Equal(0, await orders.ApproveAsync(run, PurchaseOrderFilter.All));
        var again = Path.Combine(test.Folder, "again.csv");
        Assert.Equal(0, await orders.ExportPurchaseOrdersAsync(run, again, "csv", PurchaseOrderFilter.All));
        Assert.False(File.Exists(again));
    }

    [Fact]
    public async Task EveryFormulaLeadInACsvCellIsNeutralised()
    {
        var (test, orders, run) = await RunAsync();
        await using var _ = test;
        using (var connection = test.Store.Open())
            Dapper.SqlMapper.Execute(connection, """
                UPDATE purchase_order_lines SET supplier = CASE sku WHEN 'A' THEN '+cmd' WHEN 'B' THEN '-2+3' ELSE '@SUM(1)' END
                WHERE location = 'L1' AND supplier = 'Acme'
                """);
        await orders.ApproveAsync(run, new PurchaseOrderFilter(Location: "L1"));
        var csv = Path.Combine(test.Folder, "po.csv");

        await orders.ExportPurchaseOrdersAsync(run, csv, "csv", new PurchaseOrderFilter(Location: "L1"));

        Assert.Equal(["'+cmd", "'-2+3", "'=Bolt", "'=Bolt", "'@SUM(1)"],
            ReadBack(test, csv).Select(r => r.Supplier).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnEditedQuantityMustBeWholePacksOfOneLine()
    {
        var (test, orders, run) = await RunAsync();
        await using var _ = test;

        var notPacks = await Assert.ThrowsAsync<ArgumentException>(() => orders.ApproveAsync(run, new PurchaseOrderFilter(Location: "L1", Sku: "A"), quantity: 50));
        var notOneLine = await Assert.ThrowsAsync<ArgumentException>(() => orders.ApproveAsync(run, new PurchaseOrderFilter(Sku: "A"), quantity: 60));

        Assert.StartsWith("Quantity 50 for L1 / A must be whole packs of 12 (at least one pack).", notPacks.Message);
        Assert.StartsWith("An edited quantity needs the line's location and sku.", notOneLine.Message);
        Assert.All(await orders.PurchaseOrderLinesAsync(run), l => Assert.Equal(PurchaseOrderLine.StatusSuggested, l.Status));
    }

    [Fact]
    public async Task AFailedExportMarksNothing()
    {
        var (test, orders, run) = await RunAsync();
        await using var _ = test;
        await orders.ApproveAsync(run, PurchaseOrderFilter.All);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            orders.ExportPurchaseOrdersAsync(run, Path.Combine(test.Folder, "no-such-folder", "po.csv"), "csv", PurchaseOrderFilter.All));

        Assert.All(await orders.PurchaseOrderLinesAsync(run), l => Assert.Equal((PurchaseOrderLine.StatusApproved, (DateTime?)null), (l.Status, l.Exported)));
    }

    [Fact]
    public async Task SuggestionsExportOneCsvRowPerSeriesWithTheExplanation()
    {
        var (test, orders, run) = await RunAsync();
        await using var _ = test;
        var file = Path.Combine(test.Folder, "orders.csv");

        await orders.ExportSuggestionsAsync(run, file);

        var rows = test.Query<(string Location, string Sku, string? OrderQty, string Reason, string? Supplier, string? SafetyStock, string? AfterPack)>($"""
            SELECT location, sku, order_qty, reason, supplier, safety_stock, after_pack FROM read_csv('{file}', header = true, all_varchar = true)
            """);
        Assert.Equal(14, rows.Count);
        Assert.Equal(("L1", "A", "60", "Acme", "42.0", "36"), (rows[0].Location, rows[0].Sku, rows[0].OrderQty, rows[0].Supplier, rows[0].SafetyStock, rows[0].AfterPack));
        Assert.Equal(("L2", "A"), (rows[^1].Location, rows[^1].Sku));
        Assert.Equal("'=Bolt", rows.Single(r => r.Sku == "E").Supplier);
        var h = rows.Single(r => r.Sku == "H");
        Assert.Equal((null, "No suggestion: no inventory snapshot at or before 2024-01-28"), (h.OrderQty, h.Reason));
        Assert.StartsWith("location,sku,order_qty,reason,", File.ReadAllText(file));
    }
}
