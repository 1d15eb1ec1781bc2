using System.Diagnostics;
using NexGen.Core;
using NexGen.Core.Ingestion;
using NexGen.Core.Store;

namespace NexGen.Cli.Commands;

/// <summary><c>import &lt;kind&gt; &lt;file&gt;</c>: all or nothing, the report on stderr.</summary>
static class ImportCommand
{
    public const string Usage =
        "import <sales|products|inventory|promotions|events|locations> <file> [--map \"Store=location,Dept=sku\"] " +
        "[--duplicates sum|reject] [--date-order auto|dayfirst|monthfirst] [--default-location NAME] [--replace-rows] [--store PATH]";

    public static async Task<int> RunAsync(CommandLine line, NexGenOptions settings, CancellationToken cancellationToken)
    {
        if (line.Positional.Count != 3)
            throw new UsageException("import needs a kind and a file.");
        var kind = Enum.TryParse<DataKind>(line.Positional[1], ignoreCase: true, out var k) && Enum.IsDefined(k)
            ? k
            : throw new UsageException($"Unknown kind '{line.Positional[1]}'; use one of {string.Join(", ", Enum.GetNames<DataKind>().Select(n => n.ToLowerInvariant()))}.");
        ColumnMapping mapping;
        try
        {
            mapping = ColumnMapping.Parse(line.Get("map"));
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
        var options = new ImportOptions
        {
            Duplicates = line.Enum("duplicates", settings.DuplicateKeys),
            DateOrder = line.Enum("date-order", DateOrder.Auto),
            DefaultLocation = line.Get("default-location") ?? settings.DefaultLocation,
            ReplaceRows = line.Flag("replace-rows"),
            MaxRecordBytes = settings.MaxRecordBytes,
            MaxColumns = settings.MaxColumns,
            MaxDecompressedBytes = settings.MaxDecompressedBytes,
        };
        var store = await CliSettings.OpenStoreAsync(line, settings);
        line.RejectUnknown();

        var importer = new CsvImporter(store, new ImportHistory(store));
        var progress = new ConsoleProgress();
        var clock = Stopwatch.StartNew();
        var report = await importer.ImportAsync(new ImportRequest(kind, line.Positional[2], mapping, options), progress, cancellationToken);
        clock.Stop();
        progress.Done();
        Print(report, clock.Elapsed);
        return ExitCode(report);
    }

    /// <summary>0 imported, 2 rejected (bad input), 1 failed or cancelled.</summary>
    public static int ExitCode(ImportReport report) => report.Status switch
    {
        ImportStatus.Succeeded => ExitCodes.Ok,
        ImportStatus.Rejected => ExitCodes.Rejected,
        _ => ExitCodes.Failure,
    };

    /// <summary>Prints a report to stderr (also for <c>sources load</c>).</summary>
    /// <param name="elapsed">The whole import, commit included.</param>
    public static void Print(ImportReport report, TimeSpan elapsed)
    {
        var error = Console.Error;
        error.WriteLine(report.Message);
        if (report.Dialect is { } d)
            error.WriteLine($"  format: {d.DelimiterName}-separated, {d.Encoding}{(d.Gzip ? ", gzip" : "")}, {d.LineEnding} line endings, " +
                            $"dates {report.DateFormat ?? "-"}, decimal '{report.DecimalSeparator ?? "."}'");
        if (report.Columns.Count > 0)
            error.WriteLine($"  columns: {string.Join(", ", report.Columns.Select(c => $"{c.Key} -> {c.Value}"))}" +
                            (report.IgnoredColumns.Count > 0 ? $"; ignored: {string.Join(", ", report.IgnoredColumns)}" : ""));
        if (report.Status == ImportStatus.Succeeded && report.RowsImported > 0 && report.Kind is DataKind.Sales or DataKind.Inventory or DataKind.Events)
            error.WriteLine($"  {report.RowsImported:N0} rows, {report.Series:N0} series, {report.FirstDate:yyyy-MM-dd} .. {report.LastDate:yyyy-MM-dd}" +
                            (report.Grain is null ? "" : $", {report.Grain} grain") +
                            (report.SeriesWithGaps > 0 ? $", {report.SeriesWithGaps:N0} series with {report.MissingPeriods:N0} missing periods" : ""));
        if (report.Counts.Count > 0)
            error.WriteLine($"  problems: {string.Join(", ", report.Counts.Select(c => $"{c.Key} {c.Value:N0}"))}");
        foreach (var issue in report.Errors.Concat(report.Warnings).Take(20))
            error.WriteLine($"  {report.FileName}: {issue}");
        if (report.Issues.Count > 20)
            error.WriteLine($"  ... {report.ErrorCount + report.WarningCount - 20:N0} more (the first 100 of each kind are in the import history)");
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        error.WriteLine($"  {report.RowsRead:N0} rows in {elapsed.TotalSeconds:N1} s ({report.RowsRead / elapsed.TotalSeconds:N0} rows/s), peak RSS {peak:N0} MB");
    }
}
