using System.Globalization;
using NexGen.Core;
using NexGen.Core.Store;

namespace NexGen.Cli.Commands;

/// <summary><c>alerts</c>: runs replenishment on the current data (recorded like <c>replenish</c>) and prints its top alerts.</summary>
static class AlertsCommand
{
    public const string Usage = "alerts [--top 20] [--as-of yyyy-MM-dd] [--store PATH]";

    public static async Task<int> RunAsync(CommandLine line, NexGenOptions settings, CancellationToken cancellationToken)
    {
        var top = line.Int("top", 20) is > 0 and var n ? n : throw new UsageException("--top must be at least 1.");
        var asOf = ReplenishCommand.AsOf(line);
        var options = CliSettings.LoadReplenishment();
        var store = await CliSettings.OpenStoreAsync(line, settings);
        line.RejectUnknown();

        var (_, plan) = await ReplenishCommand.RunAsync(store, options, asOf, cancellationToken);
        var shown = plan.Alerts.Take(top).ToList();
        if (shown.Count == 0)
        {
            Console.WriteLine("No alerts.");
            return ExitCodes.Ok;
        }
        Console.WriteLine($"{"severity",-9} {"kind",-18} {"location",-10} {"sku",-12} {"value at risk",14}  message");
        foreach (var a in shown)
            Console.WriteLine($"{ReplenishmentStore.SeverityName(a.Severity),-9} {a.Kind,-18} {a.Location,-10} {a.Sku,-12} " +
                              $"{a.ValueAtRisk.ToString("N2", CultureInfo.InvariantCulture),14}  {a.Message}");
        if (plan.Alerts.Count > shown.Count)
            Console.WriteLine($"... {plan.Alerts.Count - shown.Count:N0} more (--top N)");
        return ExitCodes.Ok;
    }
}
