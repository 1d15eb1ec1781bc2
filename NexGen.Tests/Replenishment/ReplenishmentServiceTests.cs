using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;
using static NexGen.Tests.Replenishment.ReplenishmentTestData;

namespace NexGen.Tests.Replenishment;

/// <summary>The replenishment service on a real store holding <see cref="ReplenishmentTestData"/>: one sku per rule, hand-computed.</summary>
public class ReplenishmentServiceTests
{
    static ReplenishmentService Service(TestStore test, ReplenishmentOptions options) =>
        new(test.Store, new RunStore(test.Store), new ReplenishmentStore(test.Store), options);

    static ReplenishmentLine Line(ReplenishmentPlan plan, string sku, string location = "L1") =>
        plan.Lines.Single(l => l.Location == location && l.Sku == sku);

    [Fact]
    public async Task EachSeriesGetsItsHandComputedOrderAndReason()
    {
        await using var test = new TestStore();
        var forecastRun = await CreateAsync(test);

        var (run, plan) = await Service(test, Options()).RunAsync();

        Assert.Equal((AsOf, forecastRun, 1), (run.AsOf, run.ForecastRunId, run.PeriodDays));
        Assert.Equal(14, plan.Lines.Count);
        Assert.Equal(plan.Lines.OrderBy(l => l.Location, StringComparer.Ordinal).ThenBy(l => l.Sku, StringComparer.Ordinal), plan.Lines);

        var a = Line(plan, "A").Suggestion!;
        Assert.Equal(("(R, S)", "forecast quantile"), (a.Policy, a.SafetyStockMethod));
        Assert.Equal((7, 7, 14), (a.LeadTime, a.ReviewPeriod, a.SafetyStockPeriods));
        Assert.Equal((70, 140), (a.DemandOverLeadTime, a.DemandOverProtectionPeriod));
        Assert.Equal(42, a.SafetyStock, 9);
        Assert.Equal(182, a.OrderUpToLevel!.Value, 9);
        Assert.Equal((36, 60, 60, 60), (a.Order.AfterPack, a.Order.AfterMinimum, a.Order.AfterMaximum, a.Order.Final));
        Assert.Equal("Order 60 (5 packs of 12): inventory position 150 is below the order-up-to level 182; raised to the minimum order quantity 50",
            Line(plan, "A").Reason);
        Assert.Equal(60, Line(plan, "A", "L2").OrderQuantity);

        Assert.Equal((192, 96), (Line(plan, "B").Suggestion!.Order.AfterPack, Line(plan, "B").OrderQuantity));
        Assert.Contains("capped at the maximum order quantity 100", Line(plan, "B").Reason);
        Assert.Equal(0, Line(plan, "C").OrderQuantity);
        Assert.Equal("No order: inventory position 500 covers the order-up-to level 182", Line(plan, "C").Reason);
        Assert.Equal((152, 82, 82), (Line(plan, "D").OrderQuantity, Line(plan, "E").OrderQuantity, Line(plan, "K").OrderQuantity));
        Assert.Equal(0, Line(plan, "F").OrderQuantity);

        // Parameters with their sources: the products table, the default, and the default standing in for J's lead time.
        var sources = Line(plan, "A").Sources;
        Assert.Contains("lead_time_days=product table", sources);
        Assert.Contains("review_period_days=default", sources);
        Assert.Contains("pack_size=product table", sources);
        Assert.Contains("service_level=default", sources);
        Assert.Contains("lead_time_days=default", Line(plan, "J").Sources);

        // Data problems give a line without a suggestion, not an exception.
        foreach (var sku in new[] { "H", "M", "N" })
            Assert.Null(Line(plan, sku).Suggestion);
        Assert.Equal("No suggestion: no inventory snapshot at or before 2024-01-28", Line(plan, "H").Reason);
        Assert.Equal("No suggestion: The forecast has 28 periods after 2024-01-28; lead time + review period needs 37", Line(plan, "M").Reason);
        Assert.Contains("Maximum order quantity 40 (product table) is below the minimum order quantity 50 (product table)", Line(plan, "N").Reason);
        // Stale inventory still plans, from the old snapshot.
        Assert.Equal((new DateOnly(2024, 1, 10), 200.0, 0), (Line(plan, "I").InventoryAsOf, Line(plan, "I").OnHand!.Value, Line(plan, "I").OrderQuantity!.Value));
    }

    [Fact]
    public async Task AlertsAreRankedBySeverityThenValueAtRiskWithHandComputedUnits()
    {
        await using var test = new TestStore();
        await CreateAsync(test);

        var (run, plan) = await Service(test, Options()).RunAsync();

        // Unit cost 2 everywhere; data problems put the forecast over L + R (140, or 28 x 10 when the forecast is shorter) at risk.
        (string Sku, string Kind, AlertSeverity Severity, double Units, double Value)[] expected =
        [
            ("B", AlertKinds.Stockout, AlertSeverity.Critical, 70, 140),
            ("D", AlertKinds.Stockout, AlertSeverity.Critical, 40, 80),
            ("M", AlertKinds.ShortForecast, AlertSeverity.Warning, 280, 560),
            ("H", AlertKinds.MissingInventory, AlertSeverity.Warning, 140, 280),
            ("I", AlertKinds.StaleInventory, AlertSeverity.Warning, 140, 280),
            ("N", AlertKinds.InvalidParameters, AlertSeverity.Warning, 140, 280),
            ("F", AlertKinds.DeadStock, AlertSeverity.Warning, 40, 80),
            ("E", AlertKinds.LowStock, AlertSeverity.Warning, 12, 24),
            ("K", AlertKinds.LowStock, AlertSeverity.Warning, 12, 24),
            ("J", AlertKinds.MissingLeadTime, AlertSeverity.Info, 140, 280),
            ("G", AlertKinds.Overstock, AlertSeverity.Info, 100, 200),
        ];
        Assert.Equal(expected.Select(e => (e.Sku, e.Kind, e.Severity)), plan.Alerts.Select(a => (a.Sku, a.Kind, a.Severity)));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Units, plan.Alerts[i].Units, 9);
            Assert.Equal(expected[i].Value, plan.Alerts[i].ValueAtRisk, 9);
        }
        Assert.Equal(new DateOnly(2024, 2, 1), plan.Alerts.Single(a => a.Sku == "D").Date);
        Assert.Equal("Stock-out projected on 2024-02-01, within the lead time of 7 days: inventory position 30 against a forecast of 70",
            plan.Alerts.Single(a => a.Sku == "D").Message);
        Assert.Equal("No sale for 69 days (last on 2023-11-20) with 40 on hand", plan.Alerts.Single(a => a.Sku == "F").Message);
        Assert.Equal("100 days of cover (inventory position 1000 at 10 a day) is above the 90-day limit", plan.Alerts.Single(a => a.Sku == "G").Message);
        Assert.Equal("Inventory snapshot of 2024-01-10 is 18 days older than 2024-01-28 (limit 7 days)", plan.Alerts.Single(a => a.Sku == "I").Message);

        // Stored in the same order.
        var stored = await new ReplenishmentStore(test.Store).AlertsAsync(run.Id, 3);
        Assert.Equal(plan.Alerts.Take(3), stored);
    }

    [Fact]
    public async Task ThresholdsComeFromTheOptions()
    {
        await using var test = new TestStore();
        await CreateAsync(test);
        var options = Options();
        (options.OverstockDays, options.DeadStockDays, options.StaleInventoryDays) = (101, 70, 18);

        var (_, plan) = await Service(test, options).RunAsync();

        // G has exactly 100 days of cover, F 69 idle days, I an 18-day-old snapshot: all within the raised limits. F's
        // stock, no longer dead, is still overstock: no forecast demand at all.
        Assert.DoesNotContain(plan.Alerts, a => a.Kind is AlertKinds.DeadStock or AlertKinds.StaleInventory);
        var overstock = Assert.Single(plan.Alerts, a => a.Kind == AlertKinds.Overstock);
        Assert.Equal(("F", "Inventory position 40 with no forecast demand", 80.0), (overstock.Sku, overstock.Message, overstock.ValueAtRisk));
    }

    [Fact]
    public async Task AnOrderWorthLessThanTheSuppliersMinimumRaisesAnAlertPerSupplierAndLocation()
    {
        await using var test = new TestStore();
        await CreateAsync(test);
        var options = Options();
        options.SupplierMinimumOrderValues["Acme"] = 1000;
        options.SupplierMinimumOrderValues["Bolt"] = 1;

        var (_, plan) = await Service(test, options).RunAsync();

        var below = plan.Alerts.Where(a => a.Kind == AlertKinds.BelowSupplierMinimum).OrderBy(a => a.Location, StringComparer.Ordinal).ToList();
        Assert.Equal(["L1", "L2"], below.Select(a => a.Location));
        // L2 orders only A from Acme: 60 units at 2 = 120, 880 short of 1,000.
        Assert.Equal(("", AlertSeverity.Warning, 880.0), (below[1].Sku, below[1].Severity, below[1].ValueAtRisk));
        Assert.Equal("The order to Acme for L2 is worth 120.00, below the supplier's minimum order value 1,000.00: add lines or hold the order", below[1].Message);
        var acmeL1 = plan.Lines.Where(l => l.Supplier == "Acme" && l.Location == "L1").Sum(l => (l.OrderQuantity ?? 0) * 2.0);
        Assert.Equal(1000 - acmeL1, below[0].ValueAtRisk, 9);
        Assert.True(acmeL1 >= 120);
    }

    [Fact]
    public async Task EmpiricalSafetyStockComesFromTheForecastRunsErrorProfile()
    {
        await using var test = new TestStore();
        await CreateAsync(test, errorProfile: true);

        var (_, plan) = await Service(test, Options(ReplenishmentOptions.EmpiricalMethod)).RunAsync();

        // 4 errors: the 0.95 quantile is the ceil(5 x 0.95) = 5th smallest, clamped to the largest, 0.2, in units of
        // the series' error scale x P = 10 x 14 = 140: SS = 28, S = 168, D orders 168 - 30 = 138.
        var d = Line(plan, "D").Suggestion!;
        Assert.Equal("empirical", d.SafetyStockMethod);
        Assert.Equal(28, d.SafetyStock, 9);
        Assert.Equal(138, d.OrderQuantity);

        // Without a profile the same setting falls back to the stored quantiles.
        await using var bare = new TestStore();
        await CreateAsync(bare);
        var (_, fallback) = await Service(bare, Options(ReplenishmentOptions.EmpiricalMethod)).RunAsync();
        Assert.Equal(("forecast quantile", 152), (Line(fallback, "D").Suggestion!.SafetyStockMethod, Line(fallback, "D").OrderQuantity!.Value));
    }

    [Fact]
    public async Task NormalSafetyStockUsesTheSalesVariability()
    {
        await using var test = new TestStore();
        await CreateAsync(test);

        var (_, plan) = await Service(test, Options(ReplenishmentOptions.NormalMethod)).RunAsync();

        // Sales of exactly 10 a day: sd_d = 0, so SS = 0 and S = D_P = 140; D orders 140 - 30 = 110.
        var d = Line(plan, "D").Suggestion!;
        Assert.Equal(("normal", 0.0, 110), (d.SafetyStockMethod, d.SafetyStock, d.OrderQuantity));
        Assert.Equal(XyzClass.X, Line(plan, "D").Xyz);
    }

    [Fact]
    public async Task WithoutAServiceLevelSettingTheTargetComesFromTheClass()
    {
        await using var test = new TestStore();
        await CreateAsync(test);

        var (_, plan) = await Service(test, new ReplenishmentOptions { SafetyStockMethod = ReplenishmentOptions.QuantileMethod }).RunAsync();

        // F sold nothing in the last year: C by value, Z by variability (no demand), target CZ 0.90.
        var f = Line(plan, "F");
        Assert.Equal((AbcClass.C, XyzClass.Z, 0.90, "class CZ"), (f.Abc, f.Xyz, f.ServiceLevel, f.ServiceLevelSource));
        Assert.All(plan.Lines.Where(l => l.Sku != "F"), l => Assert.Equal(XyzClass.X, l.Xyz));
    }

    [Fact]
    public async Task ClassTargetsAndCutOffsAreSettings()
    {
        await using var test = new TestStore();
        await CreateAsync(test);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Replenishment:SafetyStockMethod"] = "quantile",
            ["Replenishment:Classification:ServiceLevels:CZ"] = "0.85",
        }).Build();
        var options = configuration.GetSection(ReplenishmentOptions.SectionName).Get<ReplenishmentOptions>()!;

        var (_, plan) = await Service(test, options).RunAsync();

        Assert.Equal((0.85, "class CZ"), (Line(plan, "F").ServiceLevel, Line(plan, "F").ServiceLevelSource));
        var invalid = new ReplenishmentOptions { Classification = new ClassificationOptions { ACutoff = 0.97 } };
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(invalid, new ValidationContext(invalid), results, validateAllProperties: true));
        Assert.Equal("Classification: ABC cut-offs must satisfy 0 < A (0.97) <= B (0.95) <= 1. (Parameter 'ACutoff')", Assert.Single(results).ErrorMessage);
    }

    [Fact]
    public async Task AnApprovedPurchaseOrderLineCountsAsOnOrderInTheNextRun()
    {
        await using var test = new TestStore();
        await CreateAsync(test);
        var service = Service(test, Options());
        var orders = new ReplenishmentStore(test.Store);
        var (first, _) = await service.RunAsync();

        Assert.Equal(1, await orders.ApproveAsync(first.Id, new PurchaseOrderFilter(Location: "L1", Sku: "K"), quantity: 60));
        var (_, plan) = await service.RunAsync();

        // K: IP = 100 on hand + 60 approved after the snapshot; need 182 - 160 = 22, and no low-stock alert any more.
        var k = Line(plan, "K");
        Assert.Equal((60.0, 160.0, 22), (k.OpenPurchaseOrders, k.Suggestion!.InventoryPosition, k.OrderQuantity!.Value));
        Assert.DoesNotContain(plan.Alerts, a => a.Sku == "K");
        // A suggestion that was never approved is not an open order.
        Assert.Equal(0, Line(plan, "E").OpenPurchaseOrders);
    }

    [Fact]
    public async Task AsOfPicksTheLatestSnapshotAtOrBeforeIt()
    {
        await using var test = new TestStore();
        await CreateAsync(test);

        var (run, plan) = await Service(test, Options()).RunAsync(new DateOnly(2024, 1, 20));

        // Only I's snapshot of 2024-01-10 is that old; the forecast periods after 2024-01-20 start on 2024-01-29 all the same.
        Assert.Equal(new DateOnly(2024, 1, 20), run.AsOf);
        Assert.Equal(new DateOnly(2024, 1, 10), Line(plan, "I").InventoryAsOf);
        Assert.Null(Line(plan, "A").Suggestion);
        Assert.Equal(13, plan.Alerts.Count(a => a.Kind == AlertKinds.MissingInventory));
    }

    [Fact]
    public async Task WeeklyDataCountsTheLeadTimeInWeeks()
    {
        await using var test = new TestStore();
        var friday = new DateOnly(2024, 1, 26);
        var sales = new System.Text.StringBuilder("location,sku,date,quantity\n");
        for (var week = 7; week >= 0; week--)
            sales.Append($"L1,W,{friday.AddDays(-7 * week):yyyy-MM-dd},70\n");
        await test.ImportAsync(Core.Ingestion.DataKind.Sales, test.WriteFile("sales.csv", sales.ToString()));
        await test.ImportAsync(Core.Ingestion.DataKind.Products, test.WriteFile("products.csv", "sku,unit_cost,lead_time_days\nW,1,10\n"));
        await test.ImportAsync(Core.Ingestion.DataKind.Inventory, test.WriteFile("inventory.csv", "location,sku,as_of,on_hand\nL1,W,2024-01-26,100\n"));
        var runs = new RunStore(test.Store);
        var id = await runs.StartAsync("forecast", "cli", "{}", null);
        await runs.CompleteAsync(id, null, null, [.. Enumerable.Range(1, 4).Select(w => new ForecastRow("L1", "W", friday.AddDays(7 * w), 70, 35, 70, 84, 91, "test"))]);

        var (run, plan) = await Service(test, Options()).RunAsync();

        // L = 10 / 7 weeks, R = 1 week, P = 17 / 7 weeks: D_P = 70 x 17/7 = 170, SS = (91 - 70) x 17/7 = 51, S = 221,
        // IP 100 -> order 121.
        var w = Line(plan, "W").Suggestion!;
        Assert.Equal(7, run.PeriodDays);
        Assert.Equal(10 / 7.0, w.LeadTime, 12);
        Assert.Equal((170, 51, 221), (Math.Round(w.DemandOverProtectionPeriod, 9), Math.Round(w.SafetyStock, 9), Math.Round(w.OrderUpToLevel!.Value, 9)));
        Assert.Equal(121, w.OrderQuantity);
    }

    [Fact]
    public async Task WithoutAForecastTheRunSaysToMakeOne()
    {
        await using var test = new TestStore();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Service(test, Options()).RunAsync());

        Assert.Contains("no forecast yet", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, test.Count("replenishment_runs"));
    }
}
