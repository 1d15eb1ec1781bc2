using NexGen.Core.Catalog;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;
using NexGen.Tests.Replenishment;

namespace NexGen.Tests.Catalog;

/// <summary>
/// The product list's alert column, filter and sort on <see cref="ReplenishmentTestData"/> (one sku per alert rule):
/// each series shows its most severe alert of the latest replenishment run, and the filter keeps exactly the series
/// with an alert at least that severe.
/// </summary>
public sealed class ProductAlertsTests
{
    static async Task<(ProductCatalog Catalog, IReadOnlyList<ReplenishmentAlert> Alerts)> PlanAsync(TestStore test)
    {
        await ReplenishmentTestData.CreateAsync(test);
        var runs = new RunStore(test.Store);
        var replenishments = new ReplenishmentStore(test.Store);
        var (run, plan) = await new ReplenishmentService(test.Store, runs, replenishments, ReplenishmentTestData.Options()).RunAsync();
        Assert.Contains(plan.Alerts, a => a.Severity == AlertSeverity.Critical);
        Assert.Contains(plan.Alerts, a => a.Severity == AlertSeverity.Warning);
        return (new ProductCatalog(test.Store, runs), (await replenishments.AlertsAsync(run.Id, new AlertQuery(PageSize: 1000))).Rows);
    }

    static AlertSeverity? Worst(IReadOnlyList<ReplenishmentAlert> alerts, ProductSummary row) =>
        alerts.Where(a => a.Location == row.Location && a.Sku == row.Sku).Select(a => (AlertSeverity?)a.Severity).Min();

    [Fact]
    public async Task EverySeriesShowsItsMostSevereAlertAndTheFirstAlertsMessage()
    {
        await using var test = new TestStore();
        var (catalog, alerts) = await PlanAsync(test);
        var rows = (await catalog.SearchAsync(new ProductQuery(PageSize: 1000))).Rows;
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.Equal(Worst(alerts, row), row.Alert);
            var first = alerts.FirstOrDefault(a => a.Location == row.Location && a.Sku == row.Sku);
            Assert.Equal(first?.Message, row.AlertMessage);
        });
        // B is projected to run out on the first forecast day; C has plenty of stock and no alert.
        Assert.Equal(AlertSeverity.Critical, rows.Single(r => r is { Location: "L1", Sku: "B" }).Alert);
        Assert.Null(rows.Single(r => r is { Location: "L1", Sku: "C" }).Alert);
    }

    [Theory]
    [InlineData(AlertSeverity.Critical)]
    [InlineData(AlertSeverity.Warning)]
    [InlineData(AlertSeverity.Info)]
    public async Task TheAlertFilterKeepsSeriesWithAnAlertAtLeastThatSevere(AlertSeverity severity)
    {
        await using var test = new TestStore();
        var (catalog, alerts) = await PlanAsync(test);
        var all = (await catalog.SearchAsync(new ProductQuery(PageSize: 1000))).Rows;
        var expected = all.Where(r => Worst(alerts, r) is { } worst && worst <= severity).Select(r => (r.Location, r.Sku)).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < all.Count, "some series are left out");
        var page = await catalog.SearchAsync(new ProductQuery(Alert: severity, PageSize: 1000));
        Assert.Equal(expected, page.Rows.Select(r => (r.Location, r.Sku)).ToList());
        Assert.Equal(expected.Count, page.TotalCount);
    }

    [Fact]
    public async Task SortingByAlertPutsCriticalFirstAndSeriesWithoutAlertsLast()
    {
        await using var test = new TestStore();
        var (catalog, _) = await PlanAsync(test);
        var rows = (await catalog.SearchAsync(new ProductQuery(SortBy: ProductSortColumn.Alert, PageSize: 1000))).Rows;
        // Most severe first: the enum orders Critical < Warning < Info, and a series without an alert sorts after Info.
        var ranks = rows.Select(r => r.Alert is { } a ? (int)a : int.MaxValue).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(AlertSeverity.Critical, rows[0].Alert);
        Assert.Null(rows[^1].Alert);
    }
}
