using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using MudBlazor.Services;
using NexGen.Core.Ingestion;
using NexGen.Core.Security;
using NexGen.Web.Extensions;
using NexGen.Web.Security;

namespace NexGen.Tests.Web.Components;

/// <summary>
/// Wires a bUnit context the way the app is wired: the registrations of <see cref="NexGenServiceExtensions.AddNexGen"/>
/// (the real Core services and the pages' services) over a real temporary DuckDB store, MudBlazor, the interactive
/// Server renderer the pages check before they read the store, and a signed-in planner.
/// </summary>
public static class NexGenBunit
{
    /// <summary>How long a test waits for a page to show what it expects: generous, the machine is shared.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Registers the app's services over <paramref name="store"/>. The hosted services (store start-up, catalog warm-up)
    /// are left out: the test prepares the store itself. The test's <see cref="TestStore.Store"/> is the app's store, so
    /// both share one write lock.
    /// </summary>
    public static void AddNexGen(this BunitContext context, TestStore store)
    {
        var app = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        app.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NexGen:StorePath"] = store.Store.Path,
            ["NexGen:LoadSamplesOnFirstStart"] = "false",
        });
        app.AddNexGen();
        foreach (var service in app.Services.Where(s => s.ServiceType != typeof(IHostedService)))
            context.Services.Add(service);
        context.Services.AddSingleton(store.Store);
        // The one registration of AddNexGenSecurity the pages need (imports and runs are recorded as done by the user).
        context.Services.AddSingleton<AuditLog>();
        context.Services.AddMudServices();

        var user = context.AddAuthorization();
        user.SetAuthorized("planner");
        user.SetRoles(Roles.Planner);
        user.SetPolicies(Policies.Viewer, Policies.Planner);

        // Last: setting the renderer's info builds the renderer, and no service can be added after that.
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Renders <typeparamref name="TPage"/> after the popover provider its selects and tooltips open in.</summary>
    public static (IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<TPage> Page) RenderPage<TPage>(this BunitContext context,
        Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null) where TPage : IComponent
    {
        var popovers = context.Render<MudPopoverProvider>();
        return (popovers, context.Render(parameters ?? (_ => { })));
    }

    /// <summary>
    /// Opens the select whose trigger has <c>data-testid</c> <paramref name="testId"/> and clicks its item
    /// <paramref name="item"/>, as a user does (the items open in the popover provider, outside the page's markup).
    /// </summary>
    public static void Choose<TPage>(this IRenderedComponent<MudPopoverProvider> popovers, IRenderedComponent<TPage> page, string testId, string item)
        where TPage : IComponent
    {
        page.Find($"[data-testid='{testId}']").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.Contains(OpenItems(popovers), e => e.TextContent.Trim() == item), Patience);
        OpenItems(popovers).First(e => e.TextContent.Trim() == item).Click();
    }

    static IEnumerable<IElement> OpenItems(IRenderedComponent<MudPopoverProvider> popovers) => popovers.FindAll(".mud-popover-open .mud-list-item");

    /// <summary>Imports <see cref="WebSamples"/> (2 locations x 3 SKUs x 10 weeks, products with categories, inventory, ...) into the store.</summary>
    public static async Task ImportWebSamplesAsync(this TestStore store)
    {
        var folder = Path.Combine(store.Folder, "samples");
        WebSamples.Write(folder);
        Assert.All(await new FolderImporter(store.Importer).ImportAsync(folder), r => Assert.True(r.Status == ImportStatus.Succeeded, r.Message));
    }
}
