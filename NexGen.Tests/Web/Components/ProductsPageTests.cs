using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NexGen.Core.Catalog;
using NexGen.Core.Replenishment;
using NexGen.Web.Components.Pages;
using NexGen.Web.Services;

namespace NexGen.Tests.Web.Components;

/// <summary>
/// The product list on a real store holding <see cref="WebSamples"/> (2 locations x 3 SKUs; Apples and Apricots are
/// fruit, Bread is bakery): the grid shows exactly the rows <see cref="ProductCatalog"/> selects for the filters chosen
/// on the page and for the app bar's location.
/// </summary>
[Collection(Name)]
public sealed class ProductsPageTests() : ComponentTests(samples: true)
{
    /// <summary>The rows the grid shows, in order, as "location/sku".</summary>
    static List<string> Shown(IRenderedComponent<Products> page) =>
        [.. page.FindAll("[data-testid=products-grid] tbody tr")
            .Where(row => row.QuerySelector("[data-cell=sku]") is not null)
            .Select(row => $"{row.QuerySelector("td[data-label=Location]")!.TextContent.Trim()}/{row.QuerySelector("[data-cell=sku]")!.TextContent.Trim()}")];

    /// <summary>What the store selects for <paramref name="query"/>, in the grid's first order (value of the last 4 weeks, highest first).</summary>
    static async Task<List<string>> Selected(BunitContext context, ProductQuery query)
    {
        var page = await context.Services.GetRequiredService<ProductCatalog>()
            .SearchAsync(query with { SortBy = ProductSortColumn.ValueLast4Weeks, Descending = true, PageSize = 1000 });
        return [.. page.Rows.Select(r => $"{r.Location}/{r.Sku}")];
    }

    static void ExpectRows(IRenderedComponent<Products> page, List<string> expected) =>
        page.WaitForAssertion(() => Assert.Equal(expected, Shown(page)), NexGenBunit.Patience);

    /// <summary>Opens the page and waits for its first rows: every series of the store, unfiltered.</summary>
    static async Task<(IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<Products> Page, List<string> All)> OpenAsync(BunitContext context)
    {
        var (popovers, page) = context.RenderPage<Products>();
        var all = await Selected(context, new ProductQuery());
        ExpectRows(page, all);
        return (popovers, page, all);
    }

    [Fact]
    public async Task TheGridListsEveryLocationAndSkuOfTheStore()
    {
        await using var context = NewContext();
        var (_, page, all) = await OpenAsync(context);

        Assert.Equal(WebSamples.Locations * WebSamples.Skus, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal($"{all.Count} products", page.Find("[data-testid=product-count]").TextContent.Trim());
    }

    [Fact]
    public async Task CategoryAndAbcFiltersShowExactlyTheRowsTheStoreSelects()
    {
        await using var context = NewContext();
        var (popovers, page, all) = await OpenAsync(context);

        popovers.Choose(page, "category-filter", "fruit");
        var fruit = await Selected(context, new ProductQuery(Category: "fruit"));
        Assert.InRange(fruit.Count, 1, all.Count - 1);
        ExpectRows(page, fruit);
        page.WaitForAssertion(() => Assert.Equal($"{fruit.Count} products", page.Find("[data-testid=product-count]").TextContent.Trim()), NexGenBunit.Patience);

        // The filters combine: fruit of class A only.
        popovers.Choose(page, "abc-filter", "A");
        var fruitA = await Selected(context, new ProductQuery(Category: "fruit", Abc: AbcClass.A));
        Assert.InRange(fruitA.Count, 1, fruit.Count - 1);
        ExpectRows(page, fruitA);

        // Back to every category: class A of any category.
        popovers.Choose(page, "category-filter", "All categories");
        var classA = await Selected(context, new ProductQuery(Abc: AbcClass.A));
        Assert.NotEqual(fruitA, classA);
        ExpectRows(page, classA);
    }

    [Fact]
    public async Task SearchShowsTheRowsWhoseSkuOrNameContainsTheTextAndSaysWhenNothingMatches()
    {
        await using var context = NewContext();
        var (_, page, _) = await OpenAsync(context);

        // By name, ignoring case: "bread" is B1's name.
        page.Find("input[data-testid=product-search]").Input("bread");
        var bread = await Selected(context, new ProductQuery(Search: "bread"));
        Assert.Equal(new[] { "store-1/B1", "store-2/B1" }, bread.Order());
        ExpectRows(page, bread);

        // By SKU.
        page.Find("input[data-testid=product-search]").Input("a2");
        var a2 = await Selected(context, new ProductQuery(Search: "a2"));
        Assert.Equal(new[] { "store-1/A2", "store-2/A2" }, a2.Order());
        ExpectRows(page, a2);

        // Nothing matches: the store has products, so the page says to clear the search, not to upload sales.
        page.Find("input[data-testid=product-search]").Input("no such product");
        page.WaitForAssertion(() => Assert.Contains("No product matches", page.Find("[data-testid=products-empty]").TextContent), NexGenBunit.Patience);
        Assert.DoesNotContain("Upload sales to start", page.Markup);
        Assert.Empty(Shown(page));
    }

    [Fact]
    public async Task ChoosingALocationInTheAppBarReloadsTheGridWithThatLocationsRows()
    {
        await using var context = NewContext();
        var (_, page, all) = await OpenAsync(context);

        // The app bar sets the circuit's LocationFilter; the page follows its Changed event.
        var filter = context.Services.GetRequiredService<LocationFilter>();
        await page.InvokeAsync(() => filter.SetAsync("store-2"));
        var store2 = await Selected(context, new ProductQuery(Location: "store-2"));
        Assert.Equal(WebSamples.Skus, store2.Count);
        Assert.All(store2, row => Assert.StartsWith("store-2/", row, StringComparison.Ordinal));
        ExpectRows(page, store2);
        Assert.Equal("store-2", page.Find("[data-testid=grid-location]").TextContent.Trim());

        await page.InvokeAsync(() => filter.SetAsync(null));
        ExpectRows(page, all);
        Assert.Equal("All locations", page.Find("[data-testid=grid-location]").TextContent.Trim());
    }
}
