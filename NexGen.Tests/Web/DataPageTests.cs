using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Playwright;
using NexGen.Core.Store;

namespace NexGen.Tests.Web;

/// <summary>
/// The Data page in a real browser against the whole app on <see cref="WebSamples"/> (weekly sales on Fridays):
/// upload, the mapping step, import, the report and the history.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DataPageTests(BrowserFixture browser) : IAsyncLifetime
{
    readonly string _folder = Directory.CreateTempSubdirectory("nexgen-data-page-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    static Task<StoreInfo> InfoAsync(NexGenWebApp app) => app.GetRequiredService<StoreInfoReader>().ReadAsync(50);

    static Task<IPage> OpenDataPageAsync(BrowserFixture browser, NexGenWebApp app) => browser.OpenLiveAsync(app.BaseUrl + "/data", "data-page");

    /// <summary>
    /// Sales of a new location as a planner's spreadsheet exports them: semicolons, headers NexGen does not know
    /// ("Item No" is no alias of sku), day-first dates (Fridays, like the samples), a comment column.
    /// </summary>
    string WriteSpreadsheetSales(string fileName, int weeks)
    {
        var text = new StringBuilder("Store;Item No;Week;Units;Remark\n");
        foreach (var sku in new[] { "A1", "B1" })
            for (var week = 0; week < weeks; week++)
                text.Append(CultureInfo.InvariantCulture, $"store-9;{sku};{WebSamples.FirstFriday.AddDays(7 * week):dd/MM/yyyy};{5 + week};{(week == 0 ? "opening" : "")}\n");
        var path = Path.Combine(_folder, fileName);
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task SalesWithOtherHeadersAreMappedByHandImportedAndListedInTheHistory()
    {
        await using var app = NexGenWebApp.Start();
        var before = await InfoAsync(app);
        var fileName = $"spreadsheet-{Guid.NewGuid():N}.csv";
        var path = WriteSpreadsheetSales(fileName, weeks: 6);

        var page = await OpenDataPageAsync(browser, app);
        try
        {
            await Assertions.Expect(page.Locator("[data-kind=sales]")).ToHaveAttributeAsync("data-chosen", "true");
            await Assertions.Expect(page.Locator("[data-kind=sales] .kind-count")).ToHaveAttributeAsync("data-count", before.SalesRows.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(page.Locator("[data-testid=kind-help]")).ToContainTextAsync("Required: location, sku, date, quantity.");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("data"), FullPage = true });

            await BrowserFixture.ChooseFileAsync(page, path);

            // The mapping step: nothing is imported yet.
            var mapping = page.Locator("[data-testid=mapping]");
            await Assertions.Expect(mapping).ToHaveAttributeAsync("data-file", fileName);
            var format = mapping.Locator("[data-testid=detected-format]");
            await Assertions.Expect(format.Locator("[data-fact=delimiter]")).ToContainTextAsync("semicolon");
            await Assertions.Expect(format.Locator("[data-fact=encoding]")).ToContainTextAsync("utf-8");
            await Assertions.Expect(format.Locator("[data-fact=dates]")).ToContainTextAsync("dd/MM/yyyy");
            // No grain yet: without a sku column the series are unknown.
            await Assertions.Expect(format.Locator("[data-fact=grain]")).ToContainTextAsync("not detected");
            await Assertions.Expect(format.Locator("[data-fact=rows]")).ToContainTextAsync("12 (whole file)");
            await Assertions.Expect(mapping.Locator("[data-testid=date-evidence]")).ToContainTextAsync("'19/01/2024' at line 4");
            await Assertions.Expect(mapping.Locator("[data-testid=preview-table] tbody tr")).ToHaveCountAsync(10);
            await Assertions.Expect(mapping.Locator("[data-testid=preview-table] tbody tr[data-line='2']")).ToContainTextAsync("05/01/2024");

            // The suggestion: Store, Week and Units by alias; "Item No" is unknown, so sku is missing and import is blocked.
            await Assertions.Expect(mapping.Locator("[data-testid=map-0]")).ToHaveAttributeAsync("data-value", "location");
            await Assertions.Expect(mapping.Locator("[data-testid=map-1]")).ToHaveAttributeAsync("data-value", "ignore");
            await Assertions.Expect(mapping.Locator("[data-testid=map-2]")).ToHaveAttributeAsync("data-value", "date");
            await Assertions.Expect(mapping.Locator("[data-testid=map-3]")).ToHaveAttributeAsync("data-value", "quantity");
            await Assertions.Expect(mapping.Locator("[data-testid=map-4]")).ToHaveAttributeAsync("data-value", "ignore");
            await Assertions.Expect(mapping.Locator("[data-testid=preview-issue][data-code=missing_column]")).ToContainTextAsync("'sku'");
            await Assertions.Expect(mapping).ToHaveAttributeAsync("data-can-import", "false");
            await Assertions.Expect(mapping.Locator("[data-testid=import]")).ToBeDisabledAsync();

            // Map "Item No" to sku by hand; choose the date order explicitly.
            await BrowserFixture.ChooseAsync(page, mapping.Locator("[data-testid=map-1]"), "sku (required)");
            await Assertions.Expect(mapping.Locator("[data-testid=map-1]")).ToHaveAttributeAsync("data-value", "sku");
            await Assertions.Expect(mapping).ToHaveAttributeAsync("data-can-import", "true");
            await Assertions.Expect(mapping.Locator("[data-testid=preview-issue]")).ToHaveCountAsync(0);
            await Assertions.Expect(format.Locator("[data-fact=grain]")).ToContainTextAsync("weekly (Friday)");
            await mapping.Locator("[data-order=dayfirst]").ClickAsync();
            await Assertions.Expect(mapping.Locator("[data-testid=date-evidence]")).ToHaveCountAsync(0);
            await Assertions.Expect(format.Locator("[data-fact=dates]")).ToContainTextAsync("dd/MM/yyyy");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("data-mapping"), FullPage = true });
            await mapping.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("data-mapping-viewport") });
            Assert.Equal(before.SalesRows, (await InfoAsync(app)).SalesRows);

            await mapping.Locator("[data-testid=import]").ClickAsync();

            var report = page.Locator("[data-testid=import-report]");
            await Assertions.Expect(report).ToHaveAttributeAsync("data-status", "succeeded");
            await Assertions.Expect(report.Locator("[data-testid=import-rows]")).ToContainTextAsync("12 read, 12 imported");
            await Assertions.Expect(report.Locator("[data-testid=import-rows]")).ToContainTextAsync("2 series, 2024-01-05 to 2024-02-09");
            await Assertions.Expect(report.Locator("[data-testid=import-columns]")).ToContainTextAsync("Item No → sku");
            await Assertions.Expect(report.Locator("[data-testid=import-columns]")).ToContainTextAsync("ignored: Remark");
            await Assertions.Expect(report.Locator("[data-testid=import-format]")).ToContainTextAsync("weekly (Friday) grain");
            await Assertions.Expect(page.Locator("[data-testid=mapping]")).ToHaveCountAsync(0);

            var row = page.Locator("[data-testid=imports] tbody tr", new() { HasTextString = fileName });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row.Locator("[data-cell=kind]")).ToHaveTextAsync("sales");
            await Assertions.Expect(row.Locator("[data-cell=status]")).ToHaveTextAsync("succeeded");
            await Assertions.Expect(row.Locator("[data-cell=rows]")).ToHaveTextAsync("12");

            var after = await InfoAsync(app);
            Assert.Equal(before.SalesRows + 12, after.SalesRows);
            await Assertions.Expect(page.Locator("[data-kind=sales] .kind-count")).ToHaveAttributeAsync("data-count", after.SalesRows.ToString(CultureInfo.InvariantCulture));
            using (var connection = app.GetRequiredService<DuckDbStore>().Open())
            {
                var stored = connection.Query<(string Sku, DateOnly Date, double Quantity)>(
                    "SELECT sku, date, quantity FROM sales WHERE location = 'store-9' ORDER BY sku, date").AsList();
                Assert.Equal(12, stored.Count);
                Assert.Equal(("A1", new DateOnly(2024, 1, 5), 5.0), stored[0]);
                Assert.Equal(("B1", new DateOnly(2024, 2, 9), 10.0), stored[^1]);
            }
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("data-imported"), FullPage = true });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ABadFileShowsItsErrorsByLineAndColumnAndChangesNothing()
    {
        await using var app = NexGenWebApp.Start();
        var before = await InfoAsync(app);
        var fileName = $"bad-sales-{Guid.NewGuid():N}.csv";
        var path = Path.Combine(_folder, fileName);
        await File.WriteAllTextAsync(path,
            "location,sku,date,quantity\n" +   // line 1
            "store-bad,A1,2024-01-05,4\n" +    // line 2
            "store-bad,A1,2024-01-12,lots\n" + // line 3: not a number
            "store-bad,A1,2024-13-45,6\n" +    // line 4: no such date
            "store-bad,A1,2024-01-26,7\n");    // line 5

        var page = await OpenDataPageAsync(browser, app);
        try
        {
            await BrowserFixture.ChooseFileAsync(page, path);
            var mapping = page.Locator("[data-testid=mapping]");
            await Assertions.Expect(mapping).ToHaveAttributeAsync("data-can-import", "true");
            // The preview reads the dates already: the impossible one is flagged before the import.
            await Assertions.Expect(mapping.Locator("[data-testid=preview-issue][data-code=bad_date]")).ToContainTextAsync("line 4, column 3 (date)");
            await mapping.Locator("[data-testid=import]").ClickAsync();

            var report = page.Locator("[data-testid=import-report]");
            await Assertions.Expect(report).ToHaveAttributeAsync("data-status", "rejected");
            await Assertions.Expect(report.Locator("[data-testid=import-result]")).ToContainTextAsync("nothing was changed");
            await Assertions.Expect(report.Locator("[data-code=bad_number]")).ToBeVisibleAsync();
            await Assertions.Expect(report.Locator("[data-code=bad_date]")).ToBeVisibleAsync();
            var number = report.Locator("[data-testid=import-issues] tbody tr", new() { HasTextString = "lots" });
            await Assertions.Expect(number.Locator("[data-cell=line]")).ToHaveTextAsync("3");
            await Assertions.Expect(number.Locator("[data-cell=column]")).ToHaveTextAsync("4 (quantity)");
            var date = report.Locator("[data-testid=import-issues] tbody tr", new() { HasTextString = "2024-13-45" });
            await Assertions.Expect(date.Locator("[data-cell=line]")).ToHaveTextAsync("4");
            await Assertions.Expect(date.Locator("[data-cell=column]")).ToHaveTextAsync("3 (date)");
            await Assertions.Expect(date.Locator("[data-cell=reason]")).Not.ToBeEmptyAsync();

            // The mapping step stays, so the file can be fixed by mapping or date order and imported again.
            await Assertions.Expect(mapping).ToHaveCountAsync(1);
            var row = page.Locator("[data-testid=imports] tbody tr", new() { HasTextString = fileName });
            await Assertions.Expect(row.Locator("[data-cell=status]")).ToHaveTextAsync("rejected");
            await Assertions.Expect(row.Locator("[data-cell=rows]")).ToHaveTextAsync("0");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("data-rejected"), FullPage = true });

            var after = await InfoAsync(app);
            Assert.Equal(before.RowCounts, after.RowCounts);
            Assert.Equal((before.FirstSalesDate, before.LastSalesDate, before.Series), (after.FirstSalesDate, after.LastSalesDate, after.Series));
            Assert.Equal(before.RecentImports.Count + 1, after.RecentImports.Count);
            Assert.Equal("rejected", after.RecentImports[0].Status);

            // A past import's report opens from the history.
            await page.Locator("[data-testid=discard]").ClickAsync();
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("[data-testid=data-page]")).ToHaveAttributeAsync("data-render", "live");
            await Assertions.Expect(page.Locator("[data-testid=import-report]")).ToHaveCountAsync(0);
            await row.Locator("[data-testid=show-report]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=import-report]")).ToHaveAttributeAsync("data-status", "rejected");
            await Assertions.Expect(page.Locator("[data-testid=import-issues] tbody tr", new() { HasTextString = "lots" })).ToHaveCountAsync(1);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task OtherKindsAreChosenBeforeTheUploadAndMappedToTheirOwnTable()
    {
        await using var app = NexGenWebApp.Start();
        var before = await InfoAsync(app);
        var path = Path.Combine(_folder, "catalog.csv");
        await File.WriteAllTextAsync(path, "Article\tDescription\tFamily\tCost\nC1\tCheese\tdairy\t2.5\nC2\tCream\tdairy\t1.1\n");

        var page = await OpenDataPageAsync(browser, app);
        try
        {
            await page.Locator("[data-kind=products]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-kind=products]")).ToHaveAttributeAsync("data-chosen", "true");
            await Assertions.Expect(page.Locator("[data-testid=kind-help]")).ToContainTextAsync("Required: sku.");
            await BrowserFixture.ChooseFileAsync(page, path);

            var mapping = page.Locator("[data-testid=mapping]");
            await Assertions.Expect(mapping).ToHaveAttributeAsync("data-kind", "products");
            await Assertions.Expect(mapping.Locator("[data-fact=delimiter]")).ToContainTextAsync("tab");
            await Assertions.Expect(mapping.Locator("[data-fact=grain]")).ToHaveCountAsync(0);
            await Assertions.Expect(mapping.Locator("[data-testid=map-0]")).ToHaveAttributeAsync("data-value", "sku");
            await Assertions.Expect(mapping.Locator("[data-testid=map-1]")).ToHaveAttributeAsync("data-value", "name");
            await Assertions.Expect(mapping.Locator("[data-testid=map-2]")).ToHaveAttributeAsync("data-value", "category");
            await Assertions.Expect(mapping.Locator("[data-testid=map-3]")).ToHaveAttributeAsync("data-value", "unit_cost");
            // Products cannot sum repeated keys: rejecting them is the only choice.
            // (MudRadio marks the chosen radio's button with mud-checked; the data attribute is on its input.)
            await Assertions.Expect(mapping.Locator(".mud-checked > input[data-policy=reject]")).ToHaveCountAsync(1);
            await Assertions.Expect(mapping.Locator("[data-testid=duplicates]")).ToContainTextAsync("Sum them");
            await Assertions.Expect(mapping.Locator("input[data-policy=sum]")).ToBeDisabledAsync();
            await mapping.Locator("[data-testid=import]").ClickAsync();

            await Assertions.Expect(page.Locator("[data-testid=import-report]")).ToHaveAttributeAsync("data-status", "succeeded");
            await Assertions.Expect(page.Locator("[data-kind=products] .kind-count")).ToHaveAttributeAsync("data-count",
                (before.RowCounts["products"] + 2).ToString(CultureInfo.InvariantCulture));
            Assert.Equal(before.RowCounts["products"] + 2, (await InfoAsync(app)).RowCounts["products"]);
            Assert.Equal(before.SalesRows, (await InfoAsync(app)).SalesRows);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task AnEmptyStoreSaysWhatToDoAndALongImportShowsItsProgressAndCancelsWithoutAChange()
    {
        await using var app = NexGenWebApp.Start(new Dictionary<string, string?> { ["NexGen:LoadSamplesOnFirstStart"] = "false" });
        // Six million daily sales rows, gzip-compressed: quick to upload, seconds to import.
        var path = Path.Combine(_folder, "big-sales.csv.gz");
        await using (var file = File.Create(path))
        await using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        await using (var writer = new StreamWriter(gzip, new UTF8Encoding(false), 1 << 16))
        {
            await writer.WriteAsync("location,sku,date,quantity\n");
            var start = new DateOnly(2020, 1, 1);
            for (var series = 0; series < 6_000; series++)
                for (var day = 0; day < 1_000; day++)
                    await writer.WriteAsync($"L{series % 60},S{series / 60},{start.AddDays(day):yyyy-MM-dd},{(series + day) % 17}\n");
        }

        var page = await OpenDataPageAsync(browser, app);
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=empty-store]")).ToContainTextAsync("Upload sales to start");
            await Assertions.Expect(page.Locator("[data-testid=no-imports]")).ToContainTextAsync("No imports yet");
            await BrowserFixture.ChooseFileAsync(page, path);

            var mapping = page.Locator("[data-testid=mapping]");
            await Assertions.Expect(mapping.Locator("[data-fact=encoding]")).ToContainTextAsync("gzip");
            await Assertions.Expect(mapping.Locator("[data-fact=rows]")).ToContainTextAsync("20,000 (first rows)");
            await Assertions.Expect(mapping.Locator("[data-fact=grain]")).ToContainTextAsync("daily");
            await mapping.Locator("[data-testid=import]").ClickAsync();

            var progress = page.Locator("[data-testid=import-progress]");
            await Assertions.Expect(progress.Locator("[data-testid=progress-text]")).ToContainTextAsync(
                new System.Text.RegularExpressions.Regex(@"Importing big-sales\.csv\.gz into sales: [1-9][\d,]* rows read \(\d+%\)"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("data-importing") });
            await progress.Locator("[data-testid=cancel-upload]").ClickAsync();

            await Assertions.Expect(page.Locator("[data-testid=import-report]")).ToHaveAttributeAsync("data-status", "cancelled");
            await Assertions.Expect(progress).ToHaveCountAsync(0);
            // The file is kept for another try; nothing was imported.
            await Assertions.Expect(mapping.Locator("[data-testid=import]")).ToBeEnabledAsync();
            var row = page.Locator("[data-testid=imports] tbody tr", new() { HasTextString = "big-sales.csv.gz" });
            await Assertions.Expect(row.Locator("[data-cell=status]")).ToHaveTextAsync("cancelled");
            var info = await InfoAsync(app);
            Assert.Equal(0, info.SalesRows);
            Assert.Equal("cancelled", Assert.Single(info.RecentImports).Status);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
