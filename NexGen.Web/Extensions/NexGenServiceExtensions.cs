using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using NexGen.Core;
using NexGen.Core.Forecasting;
using NexGen.Core.Ingestion;
using NexGen.Core.Store;
using NexGen.Web.Services;

namespace NexGen.Web.Extensions;

/// <summary>The app's registrations, one method per area, so that Program.cs reads as a table of contents.</summary>
public static class NexGenServiceExtensions
{
    /// <summary>
    /// NexGen's settings (validated at start-up), the store and the Core services over it (imports, runs, models,
    /// forecasts), the start-up service that prepares the store and loads the samples, and the upload path of the pages.
    /// </summary>
    public static WebApplicationBuilder AddNexGen(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NexGenOptions>()
            .BindConfiguration(NexGenOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<NexGen.Core.Replenishment.ReplenishmentOptions>()
            .BindConfiguration(NexGen.Core.Replenishment.ReplenishmentOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<NexGenOptions>>().Value;
            return new DuckDbStore(NexGenPaths.Resolve(options.StorePath), options.StoreMemoryLimit);
        });
        services.AddSingleton<ImportHistory>();
        services.AddSingleton<StoreInfoReader>();
        services.AddSingleton<CsvImporter>();
        services.AddSingleton<FolderImporter>();
        services.AddSingleton<ImportNotifier>();
        services.AddSingleton<UploadImporter>();
        services.AddSingleton<AccessAdmin>();
        // One ForecastService for the whole app: it allows one run at a time and every page watches its progress.
        services.AddSingleton<RunStore>();
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<ForecastService>();
        services.AddHostedService<StoreStartupService>();

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
        builder.Services.AddMudServices();
        return builder;
    }

    /// <summary>The import choices the settings make (default location, repeated keys).</summary>
    public static ImportOptions ToImportOptions(this NexGenOptions options) => new()
    {
        DefaultLocation = options.DefaultLocation,
        Duplicates = options.DuplicateKeys,
    };
}
