using NexGen.Web.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using NexGen.Core;
using NexGen.Core.Catalog;
using NexGen.Core.Forecasting;
using NexGen.Core.Ingestion;
using NexGen.Core.Replenishment;
using NexGen.Core.Replenishment.Simulation;
using NexGen.Core.Store;
using NexGen.Web.Services;

namespace NexGen.Web.Extensions;

/// <summary>The app's registrations, one method per area, so that Program.cs reads as a table of contents.</summary>
public static class NexGenServiceExtensions
{
    /// <summary>
    /// NexGen's settings (validated at start-up), the store and the Core services over it (imports, runs, models,
    /// forecasts, replenishment, the product catalog), the start-up service that prepares the store and loads the samples, and the upload path of the pages.
    /// </summary>
    public static WebApplicationBuilder AddNexGen(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddNexGenHealthChecks();
        services.AddSingleton<TempFiles>();
        services.AddOptions<NexGenOptions>()
            .BindConfiguration(NexGenOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ReplenishmentOptions>()
            .BindConfiguration(ReplenishmentOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<NexGenOptions>>().Value;
            return new DuckDbStore(NexGenPaths.Resolve(options.StorePath), options.StoreMemoryLimit, TimeSpan.FromSeconds(options.StoreKeepOpenSeconds));
        });
        services.AddSingleton<ImportHistory>();
        services.AddSingleton<StoreInfoReader>();
        services.AddSingleton<CsvImporter>();
        services.AddSingleton<FolderImporter>();
        services.AddSingleton<ImportNotifier>();
        services.AddSingleton<UploadImporter>();
        // SQL sources (NexGen:Sources): jobs and endpoints call SqlSourceLoader.LoadAsync; connection strings by name only.
        services.AddSingleton<SourceWatermarks>();
        services.AddSingleton(provider => new SourceConnectionStrings(provider.GetRequiredService<IConfiguration>().GetConnectionString));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<SqlSourceLoader>(provider,
            provider.GetRequiredService<IOptions<NexGenOptions>>().Value));
        services.AddSingleton<AccessAdmin>();
        // One ForecastService for the whole app: it allows one run at a time and every page watches its progress.
        services.AddSingleton<RunStore>();
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<ForecastService>();
        // The dashboard's runs: started in the background, cancellable from any open page.
        services.AddSingleton<ForecastRunner>();
        services.AddSingleton<ReplenishmentStore>();
        services.AddSingleton(provider => new ReplenishmentService(provider.GetRequiredService<DuckDbStore>(), provider.GetRequiredService<RunStore>(),
            provider.GetRequiredService<ReplenishmentStore>(), provider.GetRequiredService<IOptions<ReplenishmentOptions>>().Value));
        // "Check stock now" and the policy simulation: one run at a time for the whole app, watched by every page.
        services.AddSingleton<StockCheckRunner>();
        services.AddSingleton(provider => new PolicySimulationService(provider.GetRequiredService<DuckDbStore>(),
            provider.GetRequiredService<IOptions<ReplenishmentOptions>>().Value));
        services.AddSingleton<PolicySimulationRunner>();
        services.AddScoped<BrowserDownloads>();
        services.AddScoped<PageAudit>();
        services.AddScoped<PlotlyPreloader>();
        // The product list keeps one derived summary table for the whole app; the location filter is per circuit.
        services.AddSingleton<ProductCatalog>();
        services.AddSingleton<ProductDetailReader>();
        services.AddSingleton<OverviewReader>();
        services.AddSingleton<ProductReplenishmentReader>();
        services.AddScoped<LocationFilter>();
        services.AddHostedService<StoreStartupService>();
        services.AddHostedService<InterruptedRunSweeper>();
        // After the store is ready (hosted services start in order): summaries rebuilt off the request path.
        services.AddHostedService<CatalogWarmer>();

        // Pages stream browser files over the circuit in small chunks, so SignalR's default message size is
        // enough; these limits cover plain HTTP uploads (forms, a future API) with the same setting.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<NexGenOptions>>((kestrel, nexGen) =>
            kestrel.Limits.MaxRequestBodySize = nexGen.Value.MaxUploadBytes);
        services.AddOptions<FormOptions>().Configure<IOptions<NexGenOptions>>((form, nexGen) =>
            form.MultipartBodyLengthLimit = nexGen.Value.MaxUploadBytes);
        return builder;
    }

    /// <summary>Blazor Server components with MudBlazor.</summary>
    public static WebApplicationBuilder AddNexGenUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        // Messages appear bottom right, clear of the app bar and of the buttons at the top of a page.
        builder.Services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        return builder;
    }

    /// <summary>The import choices the settings make (default location, repeated keys, limits).</summary>
    public static ImportOptions ToImportOptions(this NexGenOptions options) => new()
    {
        DefaultLocation = options.DefaultLocation,
        Duplicates = options.DuplicateKeys,
        MaxRecordBytes = options.MaxRecordBytes,
        MaxColumns = options.MaxColumns,
        MaxDecompressedBytes = options.MaxDecompressedBytes,
    };
}
