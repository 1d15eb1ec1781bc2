using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Playwright;
using NexGen.Core.Store;

namespace NexGen.Tests.Web;

/// <summary>
/// The whole planner's path in Chromium, as a new user walks it on an empty app: upload a messy sales file (the bad
/// one first), map its columns by hand, read the report, import; upload products and inventory; run a forecast and
/// watch it; open a product's chart; check stock, approve orders and download them; download the forecast; and
/// check every downloaded file against the store. Every page's screenshot lands in <c>TestResults/screenshots</c>
/// (<c>path-*.png</c>).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PlannerPathTests(BrowserFixture browser) : IAsyncLifetime
{
    const int Weeks = 78;
    const int PackSize = 12;
    static readonly DateOnly FirstFriday = new(2023, 1, 6);
    static readonly DateOnly LastFriday = FirstFriday.AddDays(7 * (Weeks - 1));
    static readonly string[] Stores = ["north", "south"];
    static readonly string[] Items = ["P-100", "P-200", "P-300", "P-400"];

    readonly string _folder = Directory.CreateTempSubdirectory("nexgen-path-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    static string Shot(string name) => Screenshots.PathFor("path-" + name);

    string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>
    /// A spreadsheet export: semicolons, day-first dates, "Item No" and "Week Ending" that NexGen cannot guess,
    /// "Branch", "Units Sold" and "Unit Price" that it can, and a remark column to ignore. Seasonal weekly sales with
    /// noise (seeded) over 78 weeks.
    /// </summary>
    string WriteSpreadsheetSales()
    {
        var random = new Random(7);
        var text = new StringBuilder("Branch;Item No;Week Ending;Units Sold;Unit Price;Remark\n");
        foreach (var store in Stores)
            for (var item = 0; item < Items.Length; item++)
                for (var week = 0; week < Weeks; week++)
                {
                    var level = 20 + 15 * item + (store == "north" ? 10 : 0);
                    var season = 1 + 0.3 * Math.Sin(2 * Math.PI * week / 52.0);
                    var units = Math.Max(0, (int)Math.Round(level * season + random.Next(-4, 5)));
                    text.Append(CultureInfo.InvariantCulture,
                        $"{store};{Items[item]};{FirstFriday.AddDays(7 * week):dd/MM/yyyy};{units};{2.5 + item:0.00};{(week == 0 ? "opening week" : "")}\n");
                }
        return Write("shop-sales.csv", text.ToString());
    }

    string WriteProducts()
    {
        var text = new StringBuilder("sku,name,category,unit_cost,unit_price,pack_size,lead_time_days,supplier\n");
        for (var item = 0; item < Items.Length; item++)
            text.Append(CultureInfo.InvariantCulture,
                $"{Items[item]},Item {item + 1},{(item < 2 ? "grocery" : "household")},{1.5 + item},{2.5 + item},{PackSize},14,acme\n");
        return Write("products.csv", text.ToString());
    }

    /// <summary>Little stock everywhere at the last sales week: every series needs an order.</summary>
    string WriteInventory()
    {
        var text = new StringBuilder("location,sku,as_of,on_hand\n");
        foreach (var store in Stores)
            foreach (var item in Items)
                text.Append(CultureInfo.InvariantCulture, $"{store},{item},{LastFriday:yyyy-MM-dd},3\n");
        return Write("inventory.csv", text.ToString());
    }

    static async Task GoAsync(IPage page, string nav, string pageTestId)
    {
        await page.Locator($"[data-nav={nav}]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid={pageTestId}]")).ToHaveAttributeAsync("data-render", "live");
    }

    /// <summary>Chooses the kind and the file on the Data page, imports it as suggested and waits for the report.</summary>
    static async Task ImportAsIsAsync(IPage page, string kind, string path, int rows)
    {
        await page.Locator($"[data-kind={kind}]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-kind={kind}]")).ToHaveAttributeAsync("data-chosen", "true");
        await BrowserFixture.ChooseFileAsync(page, path);
        var mapping = page.Locator("[data-testid=mapping]");
        await Assertions.Expect(mapping).ToHaveAttributeAsync("data-file", Path.GetFileName(path));
        await Assertions.Expect(mapping).ToHaveAttributeAsync("data-can-import", "true");
        await mapping.Locator("[data-testid=import]").ClickAsync();
        var report = page.Locator("[data-testid=import-report]");
        await Assertions.Expect(report).ToHaveAttributeAsync("data-status", "succeeded");
        await Assertions.Expect(report.Locator("[data-testid=import-rows]")).ToContainTextAsync($"{rows} read, {rows} imported");
    }

    /// <summary>
    /// Records in the page every state its run progress shows ("phase|percent"), as the user would see them go by.
    /// </summary>
    static Task WatchProgressAsync(IPage page) => page.EvaluateAsync("""
        () => {
            window.nexgenSeen = [];
            const record = () => {
                const progress = document.querySelector('[data-testid=run-progress]');
                if (!progress) return;
                const state = progress.querySelector('[data-testid=run-phase]')?.textContent.trim() + '|'
                    + progress.querySelector('[data-testid=run-percent]')?.textContent.trim();
                if (window.nexgenSeen[window.nexgenSeen.length - 1] !== state) window.nexgenSeen.push(state);
            };
            new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """);

    static async Task<string[]> SeenProgressAsync(IPage page) => await page.EvaluateAsync<string[]>("() => window.nexgenSeen");

    [Fact]
    public async Task ANewPlannerUploadsMapsImportsForecastsReadsTheChartApprovesOrdersAndDownloadsFiles()
    {
        await using var app = NexGenWebApp.Start(new Dictionary<string, string?> { ["NexGen:LoadSamplesOnFirstStart"] = "false" });
        var info = app.GetRequiredService<StoreInfoReader>();
        var page = await browser.OpenLiveAsync(app.BaseUrl);
        try
        {
            // 1. An empty app says what to do, and its button leads to the Data page.
            await Assertions.Expect(page.Locator("[data-testid=overview-empty]")).ToContainTextAsync("Upload sales to start");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("01-overview-empty"), FullPage = true });
            await page.Locator("[data-testid=go-upload]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=data-page]")).ToHaveAttributeAsync("data-render", "live");
            await Assertions.Expect(page.Locator("[data-testid=empty-store]")).ToContainTextAsync("Upload sales to start");

            // 2. A bad file on the Data page: its errors by line and column, and nothing changes.
            var bad = Write("bad-sales.csv",
                "location,sku,date,quantity\nnorth,P-100,2024-01-05,4\nnorth,P-100,2024-01-12,lots\nnorth,P-100,2024-13-45,6\n");
            await BrowserFixture.ChooseFileAsync(page, bad);
            var mapping = page.Locator("[data-testid=mapping]");
            await mapping.Locator("[data-testid=import]").ClickAsync();
            var report = page.Locator("[data-testid=import-report]");
            await Assertions.Expect(report).ToHaveAttributeAsync("data-status", "rejected");
            await Assertions.Expect(report.Locator("[data-testid=import-result]")).ToContainTextAsync("nothing was changed");
            var lots = report.Locator("[data-testid=import-issues] tbody tr", new() { HasTextString = "lots" });
            await Assertions.Expect(lots.Locator("[data-cell=line]")).ToHaveTextAsync("3");
            await Assertions.Expect(lots.Locator("[data-cell=column]")).ToHaveTextAsync("4 (quantity)");
            var month = report.Locator("[data-testid=import-issues] tbody tr", new() { HasTextString = "2024-13-45" });
            await Assertions.Expect(month.Locator("[data-cell=line]")).ToHaveTextAsync("4");
            await Assertions.Expect(month.Locator("[data-cell=column]")).ToHaveTextAsync("3 (date)");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("02-data-rejected"), FullPage = true });
            var afterBad = await info.ReadAsync(10);
            Assert.All(afterBad.RowCounts, table => Assert.Equal(0, table.Value));
            await page.Locator("[data-testid=discard]").ClickAsync();
            await Assertions.Expect(mapping).ToHaveCountAsync(0);

            // 3. The real sales: the mapping step guesses what it can; the user maps the rest and reads the report.
            var sales = WriteSpreadsheetSales();
            await BrowserFixture.ChooseFileAsync(page, sales);
            await Assertions.Expect(mapping).ToHaveAttributeAsync("data-file", "shop-sales.csv");
            var format = mapping.Locator("[data-testid=detected-format]");
            await Assertions.Expect(format.Locator("[data-fact=delimiter]")).ToContainTextAsync("semicolon");
            await Assertions.Expect(mapping.Locator("[data-testid=preview-table] tbody tr[data-line='2']")).ToContainTextAsync("06/01/2023");
            string[] suggested = ["location", "ignore", "ignore", "quantity", "price", "ignore"];
            for (var column = 0; column < suggested.Length; column++)
                await Assertions.Expect(mapping.Locator($"[data-testid=map-{column}]")).ToHaveAttributeAsync("data-value", suggested[column]);
            await Assertions.Expect(mapping.Locator("[data-testid=import]")).ToBeDisabledAsync();
            await Assertions.Expect(mapping.Locator("[data-testid=preview-issue][data-code=missing_column]").First).ToContainTextAsync("'sku'");
            // Each choice reads the file again, with the selects disabled until it is read.
            await BrowserFixture.ChooseAsync(page, mapping.Locator("[data-testid=map-1]"), "sku (required)");
            await Assertions.Expect(mapping).ToHaveAttributeAsync("data-previewing", "false");
            await BrowserFixture.ChooseAsync(page, mapping.Locator("[data-testid=map-2]"), "date (required)");
            await Assertions.Expect(mapping).ToHaveAttributeAsync("data-previewing", "false");
            await Assertions.Expect(mapping).ToHaveAttributeAsync("data-can-import", "true");
            await Assertions.Expect(format.Locator("[data-fact=dates]")).ToContainTextAsync("dd/MM/yyyy");
            await Assertions.Expect(format.Locator("[data-fact=grain]")).ToContainTextAsync("weekly (Friday)");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("03-data-mapping"), FullPage = true });
            await mapping.Locator("[data-testid=import]").ClickAsync();
            await Assertions.Expect(report).ToHaveAttributeAsync("data-status", "succeeded");
            var salesRows = Stores.Length * Items.Length * Weeks;
            await Assertions.Expect(report.Locator("[data-testid=import-rows]")).ToContainTextAsync($"{salesRows} read, {salesRows} imported");
            await Assertions.Expect(report.Locator("[data-testid=import-rows]")).ToContainTextAsync($"8 series, {FirstFriday:yyyy-MM-dd} to {LastFriday:yyyy-MM-dd}");
            await Assertions.Expect(report.Locator("[data-testid=import-columns]")).ToContainTextAsync("Item No → sku");
            await Assertions.Expect(report.Locator("[data-testid=import-columns]")).ToContainTextAsync("ignored: Remark");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("04-data-imported"), FullPage = true });

            // 4. Products (pack size, lead time, cost) and today's stock, in the columns NexGen knows.
            await ImportAsIsAsync(page, "products", WriteProducts(), Items.Length);
            await ImportAsIsAsync(page, "inventory", WriteInventory(), Stores.Length * Items.Length);
            var loaded = await info.ReadAsync(10);
            Assert.Equal((salesRows, Items.Length, Stores.Length * Items.Length),
                (loaded.SalesRows, loaded.RowCounts["products"], loaded.RowCounts["inventory"]));
            await Assertions.Expect(page.Locator("[data-testid=imports] [data-cell=status]")).ToHaveTextAsync(["succeeded", "succeeded", "succeeded", "rejected"]);

            // 5. Run forecast on the runs page, watched there and on the overview another tab holds open.
            var overview = await browser.OpenLiveAsync(app.BaseUrl);
            try
            {
                await GoAsync(page, "runs", "runs-page");
                await Assertions.Expect(page.Locator("[data-testid=no-runs]")).ToContainTextAsync("No run yet");
                await Assertions.Expect(overview.Locator("[data-testid=latest-run]")).ToHaveAttributeAsync("data-status", "none");
                await WatchProgressAsync(page);
                await WatchProgressAsync(overview);
                await page.Locator("[data-testid=run-forecast]").ClickAsync();
                var runRow = page.Locator("[data-testid=run-history] tr[data-kind=forecast]");
                await Assertions.Expect(runRow).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 180_000 });
                await Assertions.Expect(page.Locator("[data-testid=run-progress]")).ToHaveCountAsync(0);
                await Assertions.Expect(page.Locator("[data-testid=run-forecast]")).ToBeEnabledAsync();
                foreach (var watcher in new[] { page, overview })
                {
                    var seen = await SeenProgressAsync(watcher);
                    Assert.NotEmpty(seen);
                    var percents = seen.Select(s => double.Parse(s.Split('|')[1].TrimEnd('%', ' '), CultureInfo.InvariantCulture)).ToArray();
                    Assert.Equal(percents.Order(), percents);
                    Assert.All(percents, p => Assert.InRange(p, 0, 100));
                }
                await Assertions.Expect(overview.Locator("[data-testid=latest-run]")).ToHaveAttributeAsync("data-status", "succeeded");
                await Assertions.Expect(overview.Locator("#overview-trend-plot .scatterlayer .trace .fills path")).Not.ToHaveCountAsync(0);
                await overview.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("05-overview"), FullPage = true });
            }
            finally
            {
                await overview.Context.CloseAsync();
            }
            var run = (await app.GetRequiredService<RunStore>().LatestSucceededAsync("forecast"))!;
            Assert.Equal("manual", run.Trigger);
            var stored = await app.GetRequiredService<RunStore>().ForecastsAsync(run.Id);
            Assert.Equal(Stores.Length * Items.Length * 13, stored.Count);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("06-runs"), FullPage = true });

            // 6. The product list, then one product: its history with the forecast band.
            await GoAsync(page, "products", "products");
            var grid = page.Locator("[data-testid=products-grid] tbody tr");
            await Assertions.Expect(grid).ToHaveCountAsync(Stores.Length * Items.Length);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("07-products"), FullPage = true });
            await grid.Filter(new() { HasTextString = "north" }).Filter(new() { HasTextString = "P-400" }).Locator("td").Nth(3).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/products/north/P-400$"));
            await Assertions.Expect(page.Locator("[data-testid=product]")).ToHaveAttributeAsync("data-state", "loaded");
            await Assertions.Expect(page.Locator("[data-testid=product-title]")).ToHaveTextAsync("Item 4");
            var chart = page.Locator("#history-chart-plot");
            await Assertions.Expect(chart.Locator(".gtitle")).ToHaveTextAsync("Units sold per week: history and forecast");
            await Assertions.Expect(chart.Locator(".legendtext")).ToHaveTextAsync(["Units sold", "Backtest forecasts", "Forecast (orders use it)", "p90–p95", "p10–p90 (80 %)"]);
            await Assertions.Expect(chart.Locator(".scatterlayer .trace .fills path")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("[data-testid=forecast-facts] [data-fact=run]")).ToContainTextAsync($"#{run.Id}");
            await Assertions.Expect(page.Locator("[data-testid=forecast-facts] [data-fact=series-wape]")).ToContainTextAsync($"seasonal naive");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("08-product"), FullPage = true });

            // 7. Check stock, approve every suggested order on the page, export the purchase orders as CSV.
            await GoAsync(page, "replenishment", "replenishment");
            await Assertions.Expect(page.Locator("[data-testid=no-run]")).ToContainTextAsync("Check stock now");
            await page.Locator("[data-testid=check-stock]").ClickAsync();
            var root = page.Locator("[data-testid=replenishment]");
            await Assertions.Expect(root).ToHaveAttributeAsync("data-state", "loaded", new() { Timeout = 60_000 });
            var replenishments = app.GetRequiredService<ReplenishmentStore>();
            var stockRun = (await replenishments.LatestRunAsync())!;
            var orders = (await replenishments.SuggestionsAsync(stockRun.Id, new SuggestionQuery())).Rows;
            Assert.Equal(Stores.Length * Items.Length, orders.Count);
            var rows = page.Locator("[data-testid=suggestions-table] tbody tr:has([data-cell=sku])");
            await Assertions.Expect(rows).ToHaveCountAsync(orders.Count);
            await rows.First.Locator("[data-testid=expand]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=suggestion-explanation] [data-testid=suggestion-reason]")).ToHaveTextAsync(orders[0].Reason);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("09-replenishment"), FullPage = true });
            await page.Locator("[data-testid=select-page]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=approve-selected]")).ToHaveTextAsync($"Approve selected ({orders.Count})");
            await page.Locator("[data-testid=approve-selected]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=po-summary] [data-count=approved]")).ToHaveTextAsync(orders.Count.ToString(CultureInfo.InvariantCulture));
            var poDownload = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-csv]").ClickAsync());
            var poPath = Path.Combine(_folder, poDownload.SuggestedFilename);
            await poDownload.SaveAsAsync(poPath);
            var poLines = await File.ReadAllLinesAsync(poPath);
            Assert.Equal("po_number,supplier,location,sku,quantity,pack_size,unit_cost,line_value,suggested_qty,line_id,run_id,approved", poLines[0]);
            var poRows = poLines.Skip(1).Select(line => line.Split(',')).OrderBy(cells => cells[2]).ThenBy(cells => cells[3], StringComparer.Ordinal).ToArray();
            var expectedOrders = orders.OrderBy(o => o.Location).ThenBy(o => o.Sku, StringComparer.Ordinal).ToArray();
            Assert.Equal(expectedOrders.Select(o => (o.Location, o.Sku, o.OrderQuantity!.Value)),
                poRows.Select(cells => (cells[2], cells[3], int.Parse(cells[4], CultureInfo.InvariantCulture))));
            Assert.All(poRows, cells =>
            {
                Assert.Equal("acme", cells[1]);
                Assert.Equal(0, double.Parse(cells[4], CultureInfo.InvariantCulture) % PackSize);
                Assert.True(double.Parse(cells[4], CultureInfo.InvariantCulture) > 0);
                Assert.Equal(stockRun.Id.ToString(CultureInfo.InvariantCulture), cells[10]);
            });
            await Assertions.Expect(page.Locator("[data-testid=po-summary] [data-count=exported]")).ToHaveTextAsync(orders.Count.ToString(CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Alerts") }).ClickAsync();
            var alerts = (await replenishments.AlertsAsync(stockRun.Id, new AlertQuery())).Rows;
            Assert.NotEmpty(alerts);
            await Assertions.Expect(page.Locator("[data-testid=alerts-table] tbody tr:has([data-cell=sku])")).ToHaveCountAsync(alerts.Count);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("10-replenishment-alerts"), FullPage = true });

            // 8. The forecast as Parquet from the run history: the stored rows, 13 weeks after the last sale.
            await GoAsync(page, "runs", "runs-page");
            var parquet = await page.RunAndWaitForDownloadAsync(() =>
                page.Locator($"[data-testid=run-history] tr[data-run-id='{run.Id}'] [data-download=parquet]").ClickAsync());
            var parquetPath = Path.Combine(_folder, parquet.SuggestedFilename);
            await parquet.SaveAsAsync(parquetPath);
            using (var duck = new DuckDBConnection("Data Source=:memory:"))
            {
                duck.Open();
                var rows2 = duck.Query<ForecastRow>($"""
                    SELECT location, sku, date, forecast, p10, p50, p90, p95, model
                    FROM read_parquet('{parquetPath.Replace("'", "''")}') ORDER BY location, sku, date
                    """).AsList();
                Assert.Equal(stored, rows2);
                Assert.Equal(LastFriday.AddDays(7), rows2.Min(r => r.Date));
                Assert.Equal(LastFriday.AddDays(7 * 13), rows2.Max(r => r.Date));
                Assert.All(rows2, r => Assert.True(r.P10 <= r.P50 && r.P50 <= r.P90 && r.P90 <= r.P95, $"{r.Location}/{r.Sku} {r.Date}: quantiles in order"));
            }

            // Every step that changed data is in the audit log, by the loopback user.
            var audit = await app.GetRequiredService<NexGen.Core.Security.AuditLog>().RecentAsync(50);
            foreach (var (action, target) in new[] { ("import", "import"), ("run.start", $"run {run.Id}"),
                ("replenishment.run", $"replenishment run {stockRun.Id}"), ("po.approve", $"replenishment run {stockRun.Id}"), ("po.export", poDownload.SuggestedFilename) })
                Assert.Contains(audit, e => e.Action == action && e.Target!.StartsWith(target, StringComparison.Ordinal) && e.Actor == "local");
            Assert.Contains(audit, e => e.Action == "po.approve" && e.Details == $"{orders.Count} lines, {orders.Sum(o => (long)o.OrderQuantity!.Value)} units, 0 edited");

            // 9. The remaining pages, as the planner finds them now.
            await page.Locator("[data-nav=schedule]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=trigger-predict]")).ToBeEnabledAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("11-schedule"), FullPage = true });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
