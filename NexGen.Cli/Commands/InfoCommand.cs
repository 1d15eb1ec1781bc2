using NexGen.Core;
using NexGen.Core.Store;

namespace NexGen.Cli.Commands;

/// <summary><c>info</c>: what the store holds.</summary>
static class InfoCommand
{
    public const string Usage = "info [--store PATH]";

    public static async Task<int> RunAsync(CommandLine line, NexGenOptions settings, CancellationToken cancellationToken)
    {
        var store = await CliSettings.OpenStoreAsync(line, settings);
        line.RejectUnknown();
        var info = await new StoreInfoReader(store, new ImportHistory(store)).ReadAsync(10, cancellationToken);
        Console.WriteLine($"store:     {info.Path} (schema {info.SchemaVersion})");
        foreach (var (table, rows) in info.RowCounts)
            Console.WriteLine($"{table + ":",-11}{rows:N0} rows");
        if (info.SalesRows > 0)
        {
            Console.WriteLine($"history:   {info.FirstSalesDate:yyyy-MM-dd} .. {info.LastSalesDate:yyyy-MM-dd}, {info.Grain ?? "unknown"} grain");
            Console.WriteLine($"series:    {info.Series:N0} ({info.Locations:N0} locations x {info.Skus:N0} SKUs)");
        }
        Console.WriteLine("imports:");
        foreach (var import in info.RecentImports)
            Console.WriteLine($"  #{import.Id,-4} {import.Started:yyyy-MM-dd HH:mm} {import.Kind,-10} {import.Status,-10} {import.Rows,12:N0} rows {import.Warnings,8:N0} warnings  {import.FileName}");
        return ExitCodes.Ok;
    }
}
