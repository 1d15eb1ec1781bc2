using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NexGen.Web.Components.Layout;

namespace NexGen.Tests.Web.Components;

/// <summary>
/// The error boundary around every page: an exception a page did not catch becomes a snackbar and a message in the
/// page's place, and the page comes back with Try again or on navigation; the circuit never ends.
/// </summary>
public sealed class PageErrorBoundaryTests
{
    /// <summary>A page whose button fails the way a bug would: an exception out of its handler.</summary>
    sealed class FaultyPage : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "faulty");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, Fail));
            builder.AddContent(3, "Break");
            builder.CloseElement();
        }

        static void Fail() => throw new InvalidOperationException("The store file is locked by another process.");
    }

    static (BunitContext Context, IRenderedComponent<PageErrorBoundary> Boundary) Render()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Render<MudPopoverProvider>();
        return (context, context.Render<PageErrorBoundary>(p => p.AddChildContent<FaultyPage>()));
    }

    [Fact]
    public async Task AnExceptionInAPageShowsItsReasonAsASnackbarAndInThePagesPlace()
    {
        var (context, boundary) = Render();
        await using var _ = context;
        boundary.Find("[data-testid=faulty]").Click();

        boundary.WaitForAssertion(() => Assert.Contains("The store file is locked by another process.", boundary.Find("[data-testid=page-error]").TextContent));
        Assert.Empty(boundary.FindAll("[data-testid=faulty]"));
        var snackbar = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(Severity.Error, snackbar.Severity);
        Assert.Contains("The store file is locked by another process.", snackbar.Message);

        // Try again renders the page afresh.
        boundary.Find("[data-testid=page-error-retry]").Click();
        boundary.WaitForAssertion(() => Assert.Single(boundary.FindAll("[data-testid=faulty]")));
        Assert.Empty(boundary.FindAll("[data-testid=page-error]"));
    }

    [Fact]
    public async Task GoingToAnotherPageLeavesTheError()
    {
        var (context, boundary) = Render();
        await using var _ = context;
        boundary.Find("[data-testid=faulty]").Click();
        boundary.WaitForAssertion(() => Assert.Single(boundary.FindAll("[data-testid=page-error]")));

        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/products");
        boundary.WaitForAssertion(() => Assert.Single(boundary.FindAll("[data-testid=faulty]")));
        Assert.Empty(boundary.FindAll("[data-testid=page-error]"));
    }
}
