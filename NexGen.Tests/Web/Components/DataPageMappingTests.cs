using System.Globalization;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using NexGen.Web.Components.Pages;

namespace NexGen.Tests.Web.Components;

/// <summary>
/// The Data page's mapping step on a real store holding <see cref="WebSamples"/>: a file chosen in the page's file input
/// is previewed with its detected format and suggested mapping, a missing required column blocks the import and says
/// which, mapping it by hand enables the import, and only the import writes to the store.
/// </summary>
[Collection(Name)]
public sealed class DataPageMappingTests() : ComponentTests(samples: true)
{
    const string FileName = "planner-export.csv";

    /// <summary>
    /// Sales of a new location as a spreadsheet exports them: semicolons, day-first dates, headers NexGen knows by alias
    /// (Store, Week, Units) but "Item No", which is no alias of sku, and a comment column. 2 SKUs x 3 weeks.
    /// </summary>
    static string SpreadsheetSales()
    {
        var text = new StringBuilder("Store;Item No;Week;Units;Remark\n");
        foreach (var sku in new[] { "A1", "B1" })
            for (var week = 0; week < 3; week++)
                text.Append(CultureInfo.InvariantCulture, $"store-9;{sku};{WebSamples.FirstFriday.AddDays(7 * week):dd/MM/yyyy};{4 + week};{(week == 0 ? "first week" : "")}\n");
        return text.ToString();
    }

    /// <summary>Everything an import writes: the sales and the import history.</summary>
    string StoreState() => $"{Store.Dump("sales")}\n--\n{Store.Count("imports")}";

    static IRenderedComponent<MudPopoverProvider> Upload(BunitContext context, out IRenderedComponent<Data> page)
    {
        (var popovers, page) = context.RenderPage<Data>();
        var data = page;
        data.WaitForAssertion(() => Assert.NotNull(data.Find("[data-testid=imports]")), NexGenBunit.Patience);
        data.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(SpreadsheetSales(), FileName));
        data.WaitForAssertion(() => Assert.Equal(FileName, data.Find("[data-testid=mapping]").GetAttribute("data-file")), NexGenBunit.Patience);
        return popovers;
    }

    static string Fact(IRenderedComponent<Data> page, string key) => page.Find($"[data-testid=detected-format] [data-fact={key}]").TextContent;

    static string MappedTo(IRenderedComponent<Data> page, int column) => page.Find($"[data-testid=map-{column}]").GetAttribute("data-value")!;

    static bool ImportDisabled(IRenderedComponent<Data> page) => page.Find("[data-testid=import]").HasAttribute("disabled");

    [Fact]
    public async Task AChosenFileShowsItsFormatAndSuggestedMappingAndAMissingRequiredColumnBlocksTheImport()
    {
        var before = StoreState();
        await using var context = NewContext();

        Upload(context, out var page);

        var mapping = page.Find("[data-testid=mapping]");
        Assert.Equal("sales", mapping.GetAttribute("data-kind"));
        Assert.Contains("semicolon", Fact(page, "delimiter"));
        Assert.Contains("dd/MM/yyyy", Fact(page, "dates"));
        Assert.Contains("6 (whole file)", Fact(page, "rows"));
        // Without a sku column the series, and so the grain, are unknown.
        Assert.Contains("not detected", Fact(page, "grain"));
        Assert.Equal(6, page.FindAll("[data-testid=preview-table] tbody tr").Count);

        // Store, Week and Units are known aliases; "Item No" and the comment are not.
        Assert.Equal(new[] { "location", "ignore", "date", "quantity", "ignore" }, Enumerable.Range(0, 5).Select(c => MappedTo(page, c)));

        var missing = page.Find("[data-testid=preview-issue][data-code=missing_column]");
        Assert.Contains("'sku'", missing.TextContent);
        Assert.Equal("false", mapping.GetAttribute("data-can-import"));
        Assert.True(ImportDisabled(page));
        Assert.Contains("Map the columns above to import", page.Find("[data-testid=cannot-import]").TextContent);

        Assert.Equal(before, StoreState());
    }

    [Fact]
    public async Task MappingTheMissingColumnByHandEnablesTheImportAndOnlyTheImportWritesTheStore()
    {
        var before = StoreState();
        await using var context = NewContext();
        var popovers = Upload(context, out var page);
        Assert.True(ImportDisabled(page));

        popovers.Choose(page, "map-1", "sku (required)");

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=mapping]").GetAttribute("data-can-import")), NexGenBunit.Patience);
        Assert.Equal("sku", MappedTo(page, 1));
        Assert.Empty(page.FindAll("[data-testid=preview-issue]"));
        Assert.Empty(page.FindAll("[data-testid=cannot-import]"));
        Assert.False(ImportDisabled(page));
        // The preview was read again with the new mapping: with SKUs, the weekly grain shows.
        Assert.Contains("weekly (Friday)", Fact(page, "grain"));
        Assert.Equal(before, StoreState());

        page.Find("[data-testid=import]").Click();

        page.WaitForAssertion(() => Assert.Equal("succeeded", page.Find("[data-testid=import-report]").GetAttribute("data-status")), NexGenBunit.Patience);
        Assert.Equal(6, Store.Query<long>("SELECT count(*) FROM sales WHERE location = 'store-9'").Single());
        Assert.Equal(WebSamples.SalesRows + 6, Store.Count("sales"));
        // The mapping step is done; the history lists the file.
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-testid=mapping]"));
            Assert.Contains(page.FindAll("[data-testid=imports] [data-cell=file]"), cell => cell.TextContent == FileName);
        }, NexGenBunit.Patience);
    }
}
