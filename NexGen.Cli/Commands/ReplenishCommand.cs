using NexGen.Core;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Cli.Commands;

/// <summary><c>replenish</c>: a replenishment run over the active forecast, recorded in the store, optionally written as CSV.</summary>
static class ReplenishCommand
{
    public const string Usage = "replenish [--as-of yyyy-MM-dd] [--out F.csv] [--store PATH]";

    public static async Task<int> RunAsync(CommandLine line, NexGenOptions settings, CancellationToken cancellationToken)
    {
        var asOf = AsOf(line);
        var output = line.Get("out");
        if (output is not null && !output.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            throw new UsageException("--out must end in .csv.");
        var options = CliSettings.LoadReplenishment();
        var store = await CliSettings.OpenStoreAsync(line, settings);
        line.RejectUnknown();

        var (run, _) = await RunAsync(store, options, asOf, cancellationToken);
        if (output is not null)
        {
            await new ReplenishmentStore(store).ExportSuggestionsAsync(run.Id, output, cancellationToken);
            Console.Error.WriteLine($"  wrote {output}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>--as-of as a date, or null for the latest inventory snapshot.</summary>
    public static DateOnly? AsOf(CommandLine line) => line.Get("as-of") is { } text
        ? DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date) ? date : throw new UsageException($"--as-of must be yyyy-MM-dd, not '{text}'.")
        : null;

    /// <summary>Runs and records replenishment, with its phases and a summary on stderr.</summary>
    public static async Task<(ReplenishmentRunRecord Run, ReplenishmentPlan Plan)> RunAsync(DuckDbStore store, ReplenishmentOptions options, DateOnly? asOf,
        CancellationToken cancellationToken)
    {
        var service = new ReplenishmentService(store, new RunStore(store), new ReplenishmentStore(store), options);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        var phase = "";
        var progress = new Progress<ReplenishmentProgress>(p =>
        {
            if (p.Phase == phase && clock.Elapsed < next)
                return;
            (phase, next) = (p.Phase, clock.Elapsed + TimeSpan.FromSeconds(1));
            Console.Error.WriteLine($"  {clock.Elapsed.TotalSeconds,7:N1} s  {p.Fraction,5:P0}  {p.Phase}");
        });
        var result = await service.RunAsync(asOf, progress, cancellationToken);
        var run = result.Run;
        Console.Error.WriteLine($"replenishment run #{run.Id} as of {run.AsOf:yyyy-MM-dd} (forecast run #{run.ForecastRunId}): " +
                                $"{run.Series:N0} series, {run.Orders:N0} orders, {run.Alerts:N0} alerts in {run.Seconds:N1} s");
        return result;
    }
}
