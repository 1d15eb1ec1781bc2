using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NexGen.Core.Replenishment;
using NexGen.Core.Replenishment.Simulation;
using NexGen.Core.Store;
using NexGen.Web.Planning;
using NexGen.Web.Services;

namespace NexGen.Tests.Web;

/// <summary>
/// The Replenishment page and the product page's replenishment card in a real browser, on <see cref="WebSamples"/>
/// (25 units on hand per series on 2024-03-08, about 20 sold a week, unit costs 0.5 to 0.9) with one forecast run and a
/// pack size of 6 for every product, so order quantities must be multiples of 6.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ReplenishmentPageTests(BrowserFixture browser)
{
    const int PackSize = 6;

    static async Task<NexGenWebApp> StartForecastedAsync()
    {
        var app = NexGenWebApp.Start(new Dictionary<string, string?> { ["Replenishment:PackSize"] = PackSize.ToString(CultureInfo.InvariantCulture) });
        var run = await app.GetRequiredService<NexGen.Core.Forecasting.ForecastService>().RunAsync(LatestRunCardTests.SmallRequest());
        Assert.True(run.Status == "succeeded", $"the forecast on the web samples succeeds (it {run.Status}: {run.Error})");
        return app;
    }

    static string Text(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// Holds a background runner at its first step reported from the work's thread (the page's own handler has run by
    /// then), so the page can be seen following it; release lets it go on.
    /// </summary>
    sealed class Hold : IDisposable
    {
        readonly BackgroundRunner<ReplenishmentRunRecord>? _stock;
        readonly BackgroundRunner<PolicySimulationReport>? _simulation;
        readonly ManualResetEventSlim _release = new();

        public Hold(BackgroundRunner<ReplenishmentRunRecord> runner, string phase)
        {
            _stock = runner;
            Phase = phase;
            runner.Changed += OnChanged;
        }

        public Hold(BackgroundRunner<PolicySimulationReport> runner, string phase)
        {
            _simulation = runner;
            Phase = phase;
            runner.Changed += OnChanged;
        }

        string Phase { get; }

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        void OnChanged()
        {
            var current = _stock?.Current ?? _simulation?.Current;
            if (current?.Phase == Phase && Reached.TrySetResult())
                _release.Wait(TimeSpan.FromSeconds(60));
        }

        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            if (_stock is not null)
                _stock.Changed -= OnChanged;
            if (_simulation is not null)
                _simulation.Changed -= OnChanged;
        }
    }

    [Fact]
    public async Task CheckStockShowsOrdersAndAlertsAndAnEditedApprovedOrderDownloadsAsCsv()
    {
        await using var app = await StartForecastedAsync();
        var replenishments = app.GetRequiredService<ReplenishmentStore>();
        var page = await browser.OpenLiveAsync(app.BaseUrl + "/replenishment", "replenishment");
        var other = await browser.OpenLiveAsync(app.BaseUrl + "/replenishment", "replenishment");
        try
        {
            var root = page.Locator("[data-testid=replenishment]");
            await Assertions.Expect(root).ToHaveAttributeAsync("data-state", "empty");
            await Assertions.Expect(page.Locator("[data-testid=no-run]")).ToContainTextAsync("Run a forecast, then Check stock now");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("replenishment-empty") });

            // Check stock: the run goes on in the background; its progress shows here and on another user's page.
            using (var hold = new Hold(app.GetRequiredService<StockCheckRunner>(), "reading the store"))
            {
                await page.Locator("[data-testid=check-stock]").ClickAsync();
                await hold.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
                foreach (var p in new[] { page, other })
                {
                    await Assertions.Expect(p.Locator("[data-testid=check-phase]")).ToHaveTextAsync("reading the store");
                    await Assertions.Expect(p.Locator("[data-testid=check-stock]")).ToBeDisabledAsync();
                }
                hold.Release();
            }
            var run = await WaitForRunAsync(replenishments);
            await Assertions.Expect(root).ToHaveAttributeAsync("data-run-id", run.Id.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(root).ToHaveAttributeAsync("data-state", "loaded");
            await Assertions.Expect(page.Locator("[data-testid=check-progress]")).ToHaveCountAsync(0);
            // The other page follows the run recorded by the first.
            await Assertions.Expect(other.Locator("[data-testid=replenishment]")).ToHaveAttributeAsync("data-run-id", run.Id.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(page.Locator("[data-testid=run-summary]")).ToContainTextAsync($"as of 2024-03-08");

            // Orders: one row per order, by location then sku, with the suggested quantity.
            var expected = (await replenishments.SuggestionsAsync(run.Id, new SuggestionQuery())).Rows;
            Assert.NotEmpty(expected);
            Assert.All(expected, s => Assert.Equal(0, s.OrderQuantity!.Value % PackSize));
            var rows = page.Locator("[data-testid=suggestions-table] tbody tr:has([data-cell=sku])");
            await Assertions.Expect(rows).ToHaveCountAsync(expected.Count);
            await Assertions.Expect(rows.Locator("[data-cell=sku]")).ToHaveTextAsync(expected.Select(s => s.Sku).ToArray());
            await Assertions.Expect(rows.Locator("[data-cell=suggested]")).ToHaveTextAsync(expected.Select(s => Text(s.OrderQuantity!.Value)).ToArray());

            // The explanation of the first row: its reason and the numbers behind it, each rounding step included.
            var first = expected[0];
            var row = rows.First;
            await row.Locator("[data-testid=expand]").ClickAsync();
            var explanation = page.Locator("[data-testid=suggestion-explanation]");
            await Assertions.Expect(explanation.Locator("[data-testid=suggestion-reason]")).ToHaveTextAsync(first.Reason);
            await Assertions.Expect(explanation.Locator("[data-fact=on-hand]")).ToHaveTextAsync("25 (as of 2024-03-08)");
            await Assertions.Expect(explanation.Locator("[data-fact=inventory-position]")).ToHaveTextAsync(Text(first.InventoryPosition!.Value));
            await Assertions.Expect(explanation.Locator("[data-fact=demand-lead-time]")).ToHaveTextAsync(Text(first.DemandOverLeadTime!.Value));
            await Assertions.Expect(explanation.Locator("[data-fact=demand-protection]")).ToHaveTextAsync(Text(first.DemandOverProtectionPeriod!.Value));
            await Assertions.Expect(explanation.Locator("[data-fact=safety-stock]")).ToContainTextAsync(Text(first.SafetyStock!.Value));
            await Assertions.Expect(explanation.Locator("[data-fact=order-up-to]")).ToHaveTextAsync(Text(first.OrderUpToLevel!.Value));
            await Assertions.Expect(explanation.Locator("[data-fact=lead-time]")).ToHaveTextAsync("7 days = 1 week");
            await Assertions.Expect(explanation.Locator("[data-fact=raw-need]")).ToHaveTextAsync(Text(first.RawNeed!.Value));
            await Assertions.Expect(explanation.Locator("[data-fact=after-pack]")).ToHaveTextAsync(Text(first.AfterPack!.Value));
            await Assertions.Expect(explanation.Locator("[data-fact=final]")).ToHaveTextAsync(
                $"{Text(first.OrderQuantity!.Value)} units ({first.OrderQuantity / PackSize} packs of {PackSize})");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("replenishment"), FullPage = true });

            // Edit the first order: a quantity that is not whole packs is flagged and approves nothing.
            var quantity = row.Locator("input[data-testid=order-qty]");
            await quantity.FillAsync((first.OrderQuantity + 1).ToString()!);
            await quantity.PressAsync("Tab");
            await Assertions.Expect(page.Locator("[data-testid=approve-selected]")).ToHaveTextAsync("Approve selected (1)");
            await Assertions.Expect(row.Locator("[data-cell=order]")).ToContainTextAsync($"whole packs of {PackSize}");
            await page.Locator("[data-testid=approve-selected]").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasTextString = "Nothing was approved" })).ToBeVisibleAsync();
            Assert.All(await replenishments.PurchaseOrderLinesAsync(run.Id), l => Assert.Equal(PurchaseOrderLine.StatusSuggested, l.Status));

            var edited = first.OrderQuantity!.Value + PackSize;
            await quantity.FillAsync(edited.ToString(CultureInfo.InvariantCulture));
            await quantity.PressAsync("Tab");
            await page.Locator("[data-testid=approve-selected]").ClickAsync();
            await Assertions.Expect(row.Locator("[data-cell=status]")).ToContainTextAsync("approved");
            await Assertions.Expect(page.Locator("[data-testid=po-summary] [data-count=approved]")).ToHaveTextAsync("1");
            var approved = (await replenishments.PurchaseOrderLinesAsync(run.Id, PurchaseOrderLine.StatusApproved)).Single();
            Assert.Equal((first.Location, first.Sku, edited, first.OrderQuantity!.Value), (approved.Location, approved.Sku, approved.Quantity, approved.SuggestedQty));

            // Export the approved order as CSV: the browser downloads the file, and the line is exported.
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-csv]").ClickAsync());
            Assert.Matches($@"^po-run-{run.Id}-\d{{8}}-\d{{6}}\.csv$", download.SuggestedFilename);
            var saved = Path.Combine(app.Folder, download.SuggestedFilename);
            await download.SaveAsAsync(saved);
            var lines = File.ReadAllLines(saved);
            Assert.Equal("po_number,supplier,location,sku,quantity,pack_size,unit_cost,line_value,suggested_qty,line_id,run_id,approved", lines[0]);
            Assert.Equal(2, lines.Length);
            var cells = lines[1].Split(',');
            Assert.Equal([approved.PoNumber, PurchaseOrderLine.Unassigned, first.Location, first.Sku, edited.ToString(CultureInfo.InvariantCulture),
                PackSize.ToString(CultureInfo.InvariantCulture)], cells[..6]);
            Assert.Equal(first.UnitCost!.Value, double.Parse(cells[6], CultureInfo.InvariantCulture));
            Assert.Equal(edited * first.UnitCost.Value, double.Parse(cells[7], CultureInfo.InvariantCulture), 6);
            Assert.Equal([first.OrderQuantity.Value.ToString(CultureInfo.InvariantCulture), approved.Id.ToString(CultureInfo.InvariantCulture),
                run.Id.ToString(CultureInfo.InvariantCulture)], cells[8..11]);
            Assert.Equal(PurchaseOrderLine.StatusExported, (await replenishments.PurchaseOrderLinesAsync(run.Id)).Single(l => l.Id == approved.Id).Status);
            await Assertions.Expect(row.Locator("[data-cell=status]")).ToContainTextAsync("exported");
            await Assertions.Expect(page.Locator("[data-testid=exports] tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("[data-testid=exports] [data-cell=file]")).ToHaveTextAsync(download.SuggestedFilename);
            // The export stays on the server: its Download link fetches the same file again.
            var again = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=exports] [data-testid=download-again]").ClickAsync());
            Assert.Equal(download.SuggestedFilename, again.SuggestedFilename);
            var savedAgain = Path.Combine(app.Folder, "again-" + again.SuggestedFilename);
            await again.SaveAsAsync(savedAgain);
            Assert.Equal(await File.ReadAllBytesAsync(saved), await File.ReadAllBytesAsync(savedAgain));
            // Nothing approved is left: export is off until more orders are approved.
            await Assertions.Expect(page.Locator("[data-testid=export-csv]")).ToBeDisabledAsync();

            // Alerts: by value at risk, highest first, with the count of each severity.
            await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Alerts") }).ClickAsync();
            var alerts = await replenishments.AlertsAsync(run.Id, new AlertQuery());
            Assert.NotEmpty(alerts.Rows);
            var alertRows = page.Locator("[data-testid=alerts-table] tbody tr:has([data-cell=sku])");
            await Assertions.Expect(alertRows).ToHaveCountAsync(alerts.Rows.Count);
            // The page keeps the store's ranking: critical first, then by value at risk.
            await Assertions.Expect(alertRows.Locator("[data-cell=message]")).ToHaveTextAsync(alerts.Rows.Select(a => a.Message).ToArray());
            await Assertions.Expect(page.Locator("[data-count=critical]")).ToHaveTextAsync(alerts.Critical.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(page.Locator("[data-count=warning]")).ToHaveTextAsync(alerts.Warning.ToString(CultureInfo.InvariantCulture));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("replenishment-alerts"), FullPage = true });

            // The app bar's location filter narrows the alerts and the orders.
            await BrowserFixture.ChooseAsync(page, "location-filter", "store-2");
            var store2 = await replenishments.AlertsAsync(run.Id, new AlertQuery(Location: "store-2"));
            await Assertions.Expect(alertRows).ToHaveCountAsync(store2.Rows.Count);
            await Assertions.Expect(alertRows.Locator("[data-cell=location]")).ToHaveTextAsync(store2.Rows.Select(_ => "store-2").ToArray());
            await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Orders") }).ClickAsync();
            var store2Orders = (await replenishments.SuggestionsAsync(run.Id, new SuggestionQuery(Location: "store-2"))).Rows;
            await Assertions.Expect(rows.Locator("[data-cell=location]")).ToHaveTextAsync(store2Orders.Select(_ => "store-2").ToArray());
        }
        finally
        {
            await other.Context.CloseAsync();
            await page.Context.CloseAsync();
        }
    }

    static async Task<ReplenishmentRunRecord> WaitForRunAsync(ReplenishmentStore replenishments)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await replenishments.LatestRunAsync() is { } run)
                return run;
            await Task.Delay(100);
        }
        throw new TimeoutException("No replenishment run was recorded within 30 s.");
    }

    [Fact]
    public async Task CheckingStockWithoutAForecastSaysToRunOne()
    {
        await using var app = NexGenWebApp.Start();
        var page = await browser.OpenLiveAsync(app.BaseUrl + "/replenishment", "replenishment");
        try
        {
            await page.Locator("[data-testid=check-stock]").ClickAsync();

            await Assertions.Expect(page.Locator("[data-testid=check-error]")).ToContainTextAsync("There is no forecast yet");
            await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasTextString = "There is no forecast yet" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=replenishment]")).ToHaveAttributeAsync("data-state", "empty");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task PolicySimulationRunsInTheBackgroundCancelsAndChartsNexGenAgainstNaive()
    {
        await using var app = NexGenWebApp.Start();
        var runner = app.GetRequiredService<PolicySimulationRunner>();
        var page = await browser.OpenLiveAsync(app.BaseUrl + "/replenishment", "replenishment");
        try
        {
            await page.GetByRole(AriaRole.Tab, new() { NameString = "Policy simulation" }).ClickAsync();
            var panel = page.Locator("[data-testid=simulation-panel]");
            await Assertions.Expect(panel).ToHaveAttributeAsync("data-status", "none");
            await Assertions.Expect(panel.Locator("[data-testid=no-simulation]")).ToBeVisibleAsync();

            // Held while loading the sales: the progress shows, and Cancel stops the run.
            using (var hold = new Hold(runner, "loading sales"))
            {
                await panel.Locator("[data-testid=run-simulation]").ClickAsync();
                await hold.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
                await Assertions.Expect(panel).ToHaveAttributeAsync("data-status", "running");
                await Assertions.Expect(panel.Locator("[data-testid=simulation-phase]")).ToHaveTextAsync("loading sales");
                await panel.Locator("[data-testid=cancel-simulation]").ClickAsync();
                hold.Release();
            }
            await Assertions.Expect(panel).ToHaveAttributeAsync("data-status", "failed");
            await Assertions.Expect(panel.Locator("[data-testid=simulation-error]")).ToContainTextAsync("Cancelled");
            Assert.Null(runner.Latest);

            // Run to the end: naive first, then NexGen at each target, on the same demand.
            await panel.Locator("[data-testid=run-simulation]").ClickAsync();
            await Assertions.Expect(panel).ToHaveAttributeAsync("data-status", "done", new() { Timeout = 60_000 });
            var report = runner.Latest!;
            Assert.Equal(WebSamples.Locations * WebSamples.Skus, report.SimulatedSeries);
            var tableRows = panel.Locator("[data-testid=simulation-table] tbody tr");
            await Assertions.Expect(tableRows).ToHaveCountAsync(report.Result.Policies.Count);
            await Assertions.Expect(tableRows.First).ToHaveAttributeAsync("data-policy", PolicySimulator.Naive);
            await Assertions.Expect(tableRows.Locator("[data-cell=fill-rate]")).ToHaveTextAsync(
                report.Result.Policies.Select(p => (p.Metrics.FillRate * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %").ToArray());
            var chart = page.Locator("#simulation-chart-plot");
            await Assertions.Expect(chart.Locator(".legendtext")).ToHaveTextAsync([ReplenishmentCharts.NexGenName, ReplenishmentCharts.NaiveName]);
            await Assertions.Expect(chart.Locator(".gtitle")).ToHaveTextAsync("Fill rate against average inventory: NexGen vs naive");
            await Assertions.Expect(chart.Locator(".ytitle")).ToHaveTextAsync("Fill rate (% of demand served from stock)");
            await Assertions.Expect(chart.Locator(".xtitle")).ToHaveTextAsync("Average inventory (at unit cost, currency)");
            await Assertions.Expect(chart.Locator(".scatterlayer .trace").First.Locator(".point")).ToHaveCountAsync(report.Result.Policies.Count - 1);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("replenishment-simulation"), FullPage = true });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TheProductPageShowsTheSuggestionItsExplanationAndTheProjectedStock()
    {
        await using var app = await StartForecastedAsync();
        var page = await browser.OpenLiveAsync(app.BaseUrl + "/products/store-1/B1", "product");
        try
        {
            var card = page.Locator("[data-testid=replenishment-card]");
            await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "empty");
            await Assertions.Expect(card.Locator("[data-testid=no-suggestion]")).ToContainTextAsync("Run a forecast, then Check stock now");

            var (run, _) = await app.GetRequiredService<ReplenishmentService>().RunAsync();
            var suggestion = (await app.GetRequiredService<ReplenishmentStore>().SuggestionAsync(run.Id, "store-1", "B1"))!;
            Assert.True(suggestion.OrderQuantity > 0, $"B1 at store-1 gets an order ({suggestion.Reason})");
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("[data-testid=product]")).ToHaveAttributeAsync("data-render", "live");

            await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "loaded");
            await Assertions.Expect(card.Locator("[data-testid=card-order]")).ToHaveTextAsync(
                $"Order {suggestion.OrderQuantity} units ({suggestion.OrderQuantity / PackSize} packs of {PackSize})");
            await Assertions.Expect(card.Locator("[data-testid=card-reason]")).ToHaveTextAsync(suggestion.Reason);
            await Assertions.Expect(card.Locator("[data-testid=card-status]")).ToHaveTextAsync(PurchaseOrderLine.StatusSuggested);
            await Assertions.Expect(card.Locator("[data-testid=card-run]")).ToContainTextAsync($"run #{run.Id} as of 2024-03-08");

            var chart = page.Locator("#stock-projection-plot");
            await Assertions.Expect(chart.Locator(".legendtext")).ToHaveTextAsync(
                [ReplenishmentCharts.WithoutOrderName, ReplenishmentCharts.WithOrderName, ReplenishmentCharts.SafetyStockName, ReplenishmentCharts.OrderUpToName]);
            await Assertions.Expect(chart.Locator(".gtitle")).ToHaveTextAsync("Projected stock over the next 4 weeks (units)");
            await Assertions.Expect(chart.Locator(".ytitle")).ToHaveTextAsync("Units in stock");

            // A full-page screenshot from the top: scrolled, the fixed app bar would be drawn over the page.
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("product-replenishment"), FullPage = true });

            await card.Locator("[data-testid=card-explanation]").ClickAsync();
            var explanation = card.Locator("[data-testid=suggestion-explanation]");
            await Assertions.Expect(explanation.Locator("[data-fact=on-hand]")).ToHaveTextAsync("25 (as of 2024-03-08)");
            await Assertions.Expect(explanation.Locator("[data-fact=order-up-to]")).ToHaveTextAsync(Text(suggestion.OrderUpToLevel!.Value));
            await Assertions.Expect(explanation.Locator("[data-fact=final]")).ToContainTextAsync($"packs of {PackSize}");
            await card.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("product-replenishment-explained") });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
