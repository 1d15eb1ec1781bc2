using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NexGen.Core.Ingestion;
using NexGen.Web.Components.Pages;
using NexGen.Web.Services;

namespace NexGen.Tests.Web.Components;

/// <summary>
/// What the pages say on a store with nothing in it yet (or nothing for the product asked for): each says what to do
/// next instead of showing empty tables, and the state goes once the data it waits for arrives.
/// </summary>
[Collection(Name)]
public sealed class EmptyStateTests() : ComponentTests(samples: false)
{
    static string Text<T>(IRenderedComponent<T> page, string testId) where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find($"[data-testid={testId}]").TextContent;

    [Fact]
    public async Task OverviewOnAnEmptyStoreSaysUploadSalesToStartAndThatNoForecastOrStockCheckRanYet()
    {
        await using var context = NewContext();
        var (_, page) = context.RenderPage<Home>();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Upload sales to start", Text(page, "overview-empty"));
            Assert.Contains("No forecast yet", Text(page, "no-run"));
            Assert.Contains("No replenishment run yet", Text(page, "no-alerts"));
        }, NexGenBunit.Patience);
        Assert.Equal("none", page.Find("[data-testid=latest-run]").GetAttribute("data-status"));
        Assert.Empty(page.FindAll("[data-kpi]"));
        // A planner sees where to upload (the Data page) and how to run the first forecast.
        Assert.Equal("data", page.Find("[data-testid=go-upload]").GetAttribute("href"));
        Assert.NotNull(page.Find("[data-testid=run-forecast]"));
    }

    [Fact]
    public async Task OverviewLeavesItsEmptyStateWhenSalesAreImportedElsewhere()
    {
        await using var context = NewContext();
        var (_, page) = context.RenderPage<Home>();
        page.WaitForAssertion(() => Assert.Contains("Upload sales to start", Text(page, "overview-empty")), NexGenBunit.Patience);

        // Another user's upload: the import, then the notifier every open page listens to.
        await Store.ImportWebSamplesAsync();
        context.Services.GetRequiredService<ImportNotifier>().NotifyImportFinished();

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-testid=overview-empty]"));
            Assert.Equal("loaded", page.Find("[data-testid=overview]").GetAttribute("data-state"));
        }, NexGenBunit.Patience);
    }

    [Fact]
    public async Task RunsPageOnAnEmptyStoreSaysNoRunYetAndNoModelYet()
    {
        await using var context = NewContext();
        var (_, page) = context.RenderPage<Runs>();

        page.WaitForAssertion(() => Assert.Contains("No run yet", Text(page, "no-runs")), NexGenBunit.Patience);
        Assert.Contains("Run forecast", Text(page, "no-runs"));
        Assert.Contains("No model yet", Text(page, "no-models"));
        Assert.Contains("No model is active yet", Text(page, "active-model"));
        Assert.Empty(page.FindAll("[data-testid=run-history]"));
        Assert.True(page.Find("[data-testid=rollback]").HasAttribute("disabled"));
        Assert.False(page.Find("[data-testid=run-forecast]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ReplenishmentPageWithoutARunSaysToRunAForecastThenCheckStockNow()
    {
        await using var context = NewContext();
        var (_, page) = context.RenderPage<ReplenishmentPage>();

        page.WaitForAssertion(() => Assert.Equal("empty", page.Find("[data-testid=replenishment]").GetAttribute("data-state")), NexGenBunit.Patience);
        Assert.Contains("Run a forecast, then Check stock now", Text(page, "no-run"));
        Assert.Contains("the suggested orders appear here", Text(page, "no-orders"));
        var check = page.Find("[data-testid=check-stock]");
        Assert.Contains("Check stock now", check.TextContent);
        Assert.False(check.HasAttribute("disabled"));
        Assert.Empty(page.FindAll("[data-testid=run-summary]"));
    }

    [Fact]
    public async Task DataPageOnAnEmptyStoreSaysUploadSalesToStartAndHasNoImportsYet()
    {
        await using var context = NewContext();
        var (_, page) = context.RenderPage<Data>();

        page.WaitForAssertion(() => Assert.Contains("Upload sales to start", Text(page, "empty-store")), NexGenBunit.Patience);
        Assert.Contains("No imports yet", Text(page, "no-imports"));
        Assert.Equal("0", page.Find("[data-kind=sales] .kind-count").GetAttribute("data-count"));
        Assert.Equal("true", page.Find("[data-kind=sales]").GetAttribute("data-chosen"));
        Assert.Contains("Required: location, sku, date, quantity.", Text(page, "kind-help"));
    }

    [Fact]
    public async Task ProductsPageOnAnEmptyStoreSaysUploadSalesToStart()
    {
        await using var context = NewContext();
        var (_, page) = context.RenderPage<Products>();

        page.WaitForAssertion(() => Assert.Contains("Upload sales to start", Text(page, "products-empty")), NexGenBunit.Patience);
        Assert.DoesNotContain("No product matches", page.Markup);
        Assert.Equal("0 products", Text(page, "product-count").Trim());
    }

    [Fact]
    public async Task ProductPageOfASeriesTheStoreDoesNotKnowSaysSoAndLinksToTheProductList()
    {
        await Store.ImportWebSamplesAsync();
        await using var context = NewContext();
        var (_, page) = context.RenderPage<ProductDetailPage>(p => p.Add(x => x.Location, "store-1").Add(x => x.Sku, "ZZ9"));

        page.WaitForAssertion(() => Assert.Equal("not-found", page.Find("[data-testid=product]").GetAttribute("data-state")), NexGenBunit.Patience);
        var notFound = Text(page, "not-found");
        Assert.Contains("no sales and no product row for SKU ZZ9 at store-1", notFound);
        Assert.Equal("products", page.Find("[data-testid=not-found] a").GetAttribute("href"));
    }

    [Fact]
    public async Task ProductPageOfASeriesWithSalesButNoForecastSaysToRunOneAndThatNoStockCheckPlannedIt()
    {
        await Store.ImportWebSamplesAsync();
        await using var context = NewContext();
        var (_, page) = context.RenderPage<ProductDetailPage>(p => p.Add(x => x.Location, "store-1").Add(x => x.Sku, "A1"));

        page.WaitForAssertion(() => Assert.Equal("loaded", page.Find("[data-testid=product]").GetAttribute("data-state")), NexGenBunit.Patience);
        Assert.Equal("Apples", Text(page, "product-title"));
        Assert.Empty(page.FindAll("[data-testid=no-history]"));
        Assert.NotNull(page.Find("[data-testid=history-chart]"));
        Assert.Contains("No forecast yet", Text(page, "no-forecast"));
        Assert.Contains("Run a forecast", Text(page, "no-contributions"));
        page.WaitForAssertion(() => Assert.Contains("No replenishment run yet", Text(page, "no-suggestion")), NexGenBunit.Patience);
        Assert.Equal("empty", page.Find("[data-testid=replenishment-card]").GetAttribute("data-state"));
    }
}
