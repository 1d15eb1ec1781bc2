using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using NexGen.Core;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Cli;

/// <summary>The CLI's settings: <c>nexgen.json</c> beside the binary, then <c>NexGen__*</c> environment variables, then --store.</summary>
static class CliSettings
{
    public static NexGenOptions Load()
    {
        var options = new NexGenOptions();
        Configuration().GetSection(NexGenOptions.SectionName).Bind(options);
        return options;
    }

    /// <summary>
    /// The <c>Replenishment</c> section (defaults, overrides, safety-stock method, alert thresholds), validated like
    /// the app does at start-up; a bad value is a wrong command line (exit code 2) naming the setting.
    /// </summary>
    public static ReplenishmentOptions LoadReplenishment()
    {
        var options = new ReplenishmentOptions();
        Configuration().GetSection(ReplenishmentOptions.SectionName).Bind(options);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            throw new UsageException($"Invalid {ReplenishmentOptions.SectionName} settings: " +
                                     string.Join(" ", results.Select(r => $"{string.Join(", ", r.MemberNames)}: {r.ErrorMessage}")));
        return options;
    }

    static IConfiguration Configuration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("nexgen.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    /// <summary>Opens (creating or upgrading) the store named by --store, or the one in the settings.</summary>
    public static async Task<DuckDbStore> OpenStoreAsync(CommandLine line, NexGenOptions options)
    {
        var path = NexGenPaths.Resolve(line.Get("store") ?? options.StorePath);
        var store = new DuckDbStore(path, options.StoreMemoryLimit);
        await store.InitializeAsync();
        return store;
    }
}
