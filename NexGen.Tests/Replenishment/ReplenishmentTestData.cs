using System.Text;
using NexGen.Core.Forecasting;
using NexGen.Core.Ingestion;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Tests.Replenishment;

/// <summary>
/// A hand-checkable store for replenishment: daily sales of 10 a day in January 2024, inventory as of 2024-01-28, and a
/// forecast run of 28 days from 2024-01-29 with forecast 10, p50 10, p90 12, p95 13 a day (F: 0). Every product costs
/// 2, has lead time 7 days (J: none, M: 30) and the default review period of 7 days, so with the service level fixed at
/// 0.95 the quantile method gives per day q = p95 = 13, D_L = 70, D_P = 140, SS = 14 x 13 - 140 = 42 and S = 182.
/// One sku per rule, at location L1 (A also at L2):
/// <list type="bullet">
/// <item>A: pack 12, MOQ 50, max 200, on hand 150: need 32 -> 36 -> raised to 60.</item>
/// <item>B: pack 12, max 100, on hand 0: need 182 -> 192 -> capped at 96; stock-out on 2024-01-29 (70 short).</item>
/// <item>C: on hand 500: no order.</item>
/// <item>D: on hand 30: order 152; stock-out on 2024-02-01 (cumulative 40 &gt; 30), 40 units short.</item>
/// <item>E: on hand 100: order 82; projected stock 30 below safety stock 42 (12 low).</item>
/// <item>F: no sale since 2023-11-20 (69 days), forecast 0, on hand 40: dead stock.</item>
/// <item>G: on hand 1000: 100 days of cover, 100 units over the 90-day limit.</item>
/// <item>H: no inventory. I: inventory of 2024-01-10 (18 days old), on hand 200. J: no lead time, on hand 182.</item>
/// <item>K: on hand 100: order 82, low stock (like E); the open-purchase-order case.</item>
/// <item>M: lead time 30 days: the 28-day forecast is too short. N: max order quantity 40 below MOQ 50.</item>
/// </list>
/// Suppliers: A, B, D "Acme"; E, K "=Bolt" (a formula-like name for the CSV export); the others "Bolt"; J none.
/// </summary>
public static class ReplenishmentTestData
{
    public static readonly DateOnly AsOf = new(2024, 1, 28);
    public static readonly DateOnly FirstForecastDay = new(2024, 1, 29);
    public const int Horizon = 28;

    /// <summary>Options of the hand computations: service level 0.95 for every series, quantile safety stock.</summary>
    public static ReplenishmentOptions Options(string method = ReplenishmentOptions.QuantileMethod) =>
        new() { ServiceLevel = 0.95, SafetyStockMethod = method };

    static readonly string[] L1Skus = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "M", "N"];

    /// <summary>Imports the files and records the forecast run; returns the run id.</summary>
    /// <param name="errorProfile">Also store an error profile (every P: normalised errors -0.1, 0, 0.1, 0.2) and a scale of 10 per series.</param>
    public static async Task<long> CreateAsync(TestStore test, bool errorProfile = false)
    {
        var products = new StringBuilder("sku,name,category,unit_cost,unit_price,pack_size,min_order_qty,max_order_qty,lead_time_days,supplier\n");
        foreach (var sku in L1Skus)
        {
            var (pack, moq, max, lead, supplier) = sku switch
            {
                "A" => ("12", "50", "200", "7", "Acme"),
                "B" => ("12", "", "100", "7", "Acme"),
                "D" => ("", "", "", "7", "Acme"),
                "E" or "K" => ("", "", "", "7", "=Bolt"),
                "J" => ("", "", "", "", ""),
                "M" => ("", "", "", "30", "Bolt"),
                "N" => ("", "50", "40", "7", "Bolt"),
                _ => ("", "", "", "7", "Bolt"),
            };
            products.Append($"{sku},Product {sku},General,2,3,{pack},{moq},{max},{lead},{supplier}\n");
        }

        var sales = new StringBuilder("location,sku,date,quantity\n");
        foreach (var (location, sku) in Series())
        {
            if (sku == "F")
                sales.Append($"{location},{sku},2023-11-20,5\n");
            for (var day = new DateOnly(2024, 1, 1); day <= AsOf; day = day.AddDays(1))
                sales.Append($"{location},{sku},{day:yyyy-MM-dd},{(sku == "F" ? 0 : 10)}\n");
        }

        var inventory = new StringBuilder("location,sku,as_of,on_hand,on_order\n");
        foreach (var (location, sku) in Series())
        {
            var onHand = sku switch { "A" => 150, "B" => 0, "C" => 500, "D" => 30, "E" => 100, "F" => 40, "G" => 1000, "I" => 200, "J" => 182, "K" => 100, _ => 150 };
            if (sku != "H")
                inventory.Append($"{location},{sku},{(sku == "I" ? "2024-01-10" : "2024-01-28")},{onHand},\n");
        }

        foreach (var (kind, name, content) in new[] { (DataKind.Products, "products.csv", products), (DataKind.Sales, "sales.csv", sales), (DataKind.Inventory, "inventory.csv", inventory) })
        {
            var report = await test.ImportAsync(kind, test.WriteFile(name, content.ToString()));
            Assert.True(report.Status == ImportStatus.Succeeded, $"{name}: {report.Message}");
        }

        var runs = new RunStore(test.Store);
        var id = await runs.StartAsync("forecast", "cli", "{}", null);
        var rows = Series().SelectMany(s => Enumerable.Range(0, Horizon).Select(h =>
        {
            var f = s.Sku == "F" ? 0 : 10.0;
            return new ForecastRow(s.Location, s.Sku, FirstForecastDay.AddDays(h), f, f * 0.5, f, f * 1.2, f * 1.3, "test");
        })).ToList();
        var details = errorProfile
            ? new ForecastDetails
            {
                ErrorProfile = new ErrorProfile([.. Enumerable.Range(0, Horizon).Select(_ => new[] { -0.1, 0, 0.1, 0.2 })]),
                Scales = [.. Series().Select(s => new SeriesScale(s.Location, s.Sku, 10, 10))],
            }
            : new ForecastDetails();
        await runs.CompleteAsync(id, null, null, rows, details);
        return id;
    }

    static IEnumerable<(string Location, string Sku)> Series() => L1Skus.Select(s => ("L1", s)).Append(("L2", "A"));
}
