using System.Globalization;
using NexGen.Core;
using NexGen.Core.Store;

namespace NexGen.Cli.Commands;

/// <summary>
/// <c>po</c>: the purchase-order lines of a replenishment run (default the latest): list them, approve them (all, or
/// those of one supplier, location, purchase order or sku, optionally with an edited quantity), and export the approved
/// ones as CSV or Parquet, which marks them exported.
/// </summary>
static class PoCommand
{
    public const string Usage =
        "po list [--status suggested|approved|exported] | po approve [--qty Q] | po export --out F.csv|F.parquet  " +
        "[--run N] [--supplier S] [--location L] [--sku SKU] [--po PO-N-NNN] [--store PATH]";

    public static async Task<int> RunAsync(CommandLine line, NexGenOptions settings, CancellationToken cancellationToken)
    {
        var action = line.Positional.Count == 2 ? line.Positional[1] : throw new UsageException("po needs list, approve or export.");
        var filter = new PurchaseOrderFilter(line.Get("supplier"), line.Get("location"), line.Get("sku"), line.Get("po"));
        var runOption = line.Get("run") is { } text
            ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new UsageException($"--run must be a run number, not '{text}'.")
            : (long?)null;
        return action switch
        {
            "list" => await ListAsync(line, settings, filter, runOption, cancellationToken),
            "approve" => await ApproveAsync(line, settings, filter, runOption, cancellationToken),
            "export" => await ExportAsync(line, settings, filter, runOption, cancellationToken),
            _ => throw new UsageException($"Unknown po action '{action}': use list, approve or export."),
        };
    }

    static async Task<int> ListAsync(CommandLine line, NexGenOptions settings, PurchaseOrderFilter filter, long? runOption, CancellationToken cancellationToken)
    {
        var status = line.Get("status") is { } s
            ? s is PurchaseOrderLine.StatusSuggested or PurchaseOrderLine.StatusApproved or PurchaseOrderLine.StatusExported
                ? s : throw new UsageException($"--status must be suggested, approved or exported, not '{s}'.")
            : null;
        var (store, run) = await OpenAsync(line, settings, runOption, cancellationToken);
        var lines = await store.PurchaseOrderLinesAsync(run, status, filter, cancellationToken);
        Console.WriteLine($"{"po",-12} {"supplier",-28} {"location",-10} {"sku",-12} {"quantity",9} {"suggested",9} {"value",12}  status");
        foreach (var l in lines)
            Console.WriteLine($"{l.PoNumber,-12} {l.Supplier,-28} {l.Location,-10} {l.Sku,-12} {l.Quantity,9} {l.SuggestedQty,9} " +
                              $"{(l.UnitCost is { } cost ? (cost * l.Quantity).ToString("N2", CultureInfo.InvariantCulture) : "–"),12}  {l.Status}");
        Console.Error.WriteLine($"{lines.Count:N0} lines of replenishment run #{run}");
        return ExitCodes.Ok;
    }

    static async Task<int> ApproveAsync(CommandLine line, NexGenOptions settings, PurchaseOrderFilter filter, long? runOption, CancellationToken cancellationToken)
    {
        var quantity = line.Get("qty") is null ? (int?)null : line.Int("qty", 0);
        var (store, run) = await OpenAsync(line, settings, runOption, cancellationToken);
        int approved;
        try
        {
            approved = await store.ApproveAsync(run, filter, quantity, cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter")[0]);
        }
        if (approved == 0)
        {
            Console.Error.WriteLine($"No suggested or approved line of replenishment run #{run} matches; see nexgen po list.");
            return ExitCodes.Failure;
        }
        Console.Error.WriteLine($"Approved {approved:N0} lines of replenishment run #{run}{(quantity is { } q ? $" with quantity {q}" : "")}.");
        return ExitCodes.Ok;
    }

    static async Task<int> ExportAsync(CommandLine line, NexGenOptions settings, PurchaseOrderFilter filter, long? runOption, CancellationToken cancellationToken)
    {
        var output = line.Get("out") ?? throw new UsageException("po export needs --out F.csv or F.parquet.");
        var format = Path.GetExtension(output).ToLowerInvariant() switch
        {
            ".csv" => "csv",
            ".parquet" => "parquet",
            _ => throw new UsageException("--out must end in .csv or .parquet."),
        };
        var (store, run) = await OpenAsync(line, settings, runOption, cancellationToken);
        var exported = await store.ExportPurchaseOrdersAsync(run, output, format, filter, cancellationToken);
        if (exported == 0)
        {
            Console.Error.WriteLine($"No approved line of replenishment run #{run} matches: approve lines first (nexgen po approve).");
            return ExitCodes.Failure;
        }
        Console.Error.WriteLine($"Exported {exported:N0} lines of replenishment run #{run} to {output}.");
        return ExitCodes.Ok;
    }

    /// <summary>Opens the store and picks the run: --run, or the latest replenishment run.</summary>
    static async Task<(ReplenishmentStore Store, long Run)> OpenAsync(CommandLine line, NexGenOptions settings, long? runOption, CancellationToken cancellationToken)
    {
        var store = new ReplenishmentStore(await CliSettings.OpenStoreAsync(line, settings));
        line.RejectUnknown();
        if (runOption is { } id)
            return (store, (await store.FindRunAsync(id, cancellationToken))?.Id ?? throw new UsageException($"There is no replenishment run #{id}."));
        var latest = await store.LatestRunAsync(cancellationToken)
            ?? throw new InvalidOperationException("There is no replenishment run yet: run nexgen replenish first.");
        return (store, latest.Id);
    }
}
