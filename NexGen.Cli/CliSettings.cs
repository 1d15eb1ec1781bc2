using Microsoft.Extensions.Configuration;
using NexGen.Core;
using NexGen.Core.Store;

namespace NexGen.Cli;

/// <summary>The CLI's settings: <c>nexgen.json</c> beside the binary, then <c>NexGen__*</c> environment variables, then --store.</summary>
static class CliSettings
{
    public static NexGenOptions Load()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("nexgen.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new NexGenOptions();
        configuration.GetSection(NexGenOptions.SectionName).Bind(options);
        return options;
    }

    /// <summary>Opens (creating or upgrading) the store named by --store, or the one in the settings.</summary>
    public static async Task<DuckDbStore> OpenStoreAsync(CommandLine line, NexGenOptions options)
    {
        var path = NexGenPaths.Resolve(line.Get("store") ?? options.StorePath);
        var store = new DuckDbStore(path, options.StoreMemoryLimit);
        await store.InitializeAsync();
        return store;
    }
}
