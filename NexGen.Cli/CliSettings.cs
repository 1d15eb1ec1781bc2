using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using NexGen.Core;
using NexGen.Core.Ingestion;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Cli;

/// <summary>The CLI's settings: <c>nexgen.json</c> beside the binary, then <c>NexGen__*</c> environment variables, then --store.</summary>
static class CliSettings
{
    static readonly Lazy<IConfiguration> Configuration = new(() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("nexgen.json", optional: true)
        .AddEnvironmentVariables()
        .Build());

    public static NexGenOptions Load()
    {
        var options = new NexGenOptions();
        Configuration.Value.GetSection(NexGenOptions.SectionName).Bind(options);
        return options;
    }

    /// <summary>
    /// The <c>Replenishment</c> section (defaults, overrides, safety-stock method, alert thresholds), validated like
    /// the app does at start-up; a bad value is a wrong command line (exit code 2) naming the setting.
    /// </summary>
    public static ReplenishmentOptions LoadReplenishment()
    {
        var options = new ReplenishmentOptions();
        Configuration.Value.GetSection(ReplenishmentOptions.SectionName).Bind(options);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            throw new UsageException($"Invalid {ReplenishmentOptions.SectionName} settings: " +
                                     string.Join(" ", results.Select(r => $"{string.Join(", ", r.MemberNames)}: {r.ErrorMessage}")));
        return options;
    }

    /// <summary>Connection strings of SQL sources: <c>ConnectionStrings</c> in nexgen.json or the environment.</summary>
    public static SourceConnectionStrings ConnectionStrings() => new(Configuration.Value.GetConnectionString);

    /// <summary>Opens (creating or upgrading) the store named by --store, or the one in the settings.</summary>
    public static async Task<DuckDbStore> OpenStoreAsync(CommandLine line, NexGenOptions options)
    {
        var path = NexGenPaths.Resolve(line.Get("store") ?? options.StorePath);
        var store = new DuckDbStore(path, options.StoreMemoryLimit);
        await store.InitializeAsync();
        return store;
    }
}
