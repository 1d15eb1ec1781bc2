using System.Diagnostics;
using NexGen.Core;
using NexGen.Core.Ingestion;
using NexGen.Core.Store;

namespace NexGen.Cli.Commands;

/// <summary><c>sources list | sources load NAME [--full]</c>: the SQL sources of the settings and their watermarks.</summary>
static class SourcesCommand
{
    public const string Usage = "sources list | sources load NAME [--full] [--store PATH]";

    public static async Task<int> RunAsync(CommandLine line, NexGenOptions settings, CancellationToken cancellationToken)
    {
        var verb = line.Positional.ElementAtOrDefault(1);
        var full = line.Flag("full");
        var store = await CliSettings.OpenStoreAsync(line, settings);
        line.RejectUnknown();
        var connectionStrings = CliSettings.ConnectionStrings();
        var watermarks = new SourceWatermarks(store);
        var loader = new SqlSourceLoader(store, new ImportHistory(store), watermarks, settings, connectionStrings);
        switch (verb)
        {
            case "list" when line.Positional.Count == 2:
                await ListAsync(loader, watermarks, connectionStrings, cancellationToken);
                return ExitCodes.Ok;
            case "load" when line.Positional.Count == 3:
                return await LoadAsync(loader, line.Positional[2], full, cancellationToken);
            default:
                throw new UsageException($"sources takes list or load NAME, not '{string.Join(' ', line.Positional.Skip(1))}'.");
        }
    }

    /// <summary>One line per source on stdout: what it reads, where its connection string comes from, its watermark.</summary>
    static async Task ListAsync(SqlSourceLoader loader, SourceWatermarks watermarks, SourceConnectionStrings connectionStrings,
        CancellationToken cancellationToken)
    {
        if (loader.Sources.Count == 0)
        {
            Console.Error.WriteLine("No SQL sources are configured (NexGen:Sources in nexgen.json or the environment).");
            return;
        }
        var stored = (await watermarks.AllAsync(cancellationToken)).ToDictionary(w => w.Source, StringComparer.OrdinalIgnoreCase);
        List<string[]> rows = [["name", "provider", "kind", "connection", "watermark", "last load (UTC)"]];
        foreach (var source in loader.Sources)
        {
            var found = stored.TryGetValue(source.Name, out var w);
            rows.Add([
                source.Name, source.Provider, source.Kind.ToString().ToLowerInvariant(),
                $"{source.ConnectionStringName} ({(connectionStrings.Find(source.ConnectionStringName) is null ? "missing" : "set")})",
                source.Watermark is null ? "- (always full)" : found ? $"{source.Watermark} = {w!.Value}" : $"{source.Watermark} (none yet)",
                found ? $"{w!.Loaded:yyyy-MM-dd HH:mm:ss}" : "-",
            ]);
        }
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length) + 2).ToArray();
        foreach (var row in rows)
            Console.WriteLine(string.Concat(row.Select((cell, c) => c < row.Length - 1 ? cell.PadRight(widths[c]) : cell)));
    }

    static async Task<int> LoadAsync(SqlSourceLoader loader, string name, bool full, CancellationToken cancellationToken)
    {
        try
        {
            loader.Find(name);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        var progress = new ConsoleProgress();
        var clock = Stopwatch.StartNew();
        var report = await loader.LoadAsync(name, full, progress, cancellationToken);
        clock.Stop();
        progress.Done();
        ImportCommand.Print(report, clock.Elapsed);
        if (report is { Status: ImportStatus.Succeeded, Source: { } load })
            Console.Error.WriteLine(load.WatermarkColumn is null
                ? "  full load (the source has no watermark)"
                : $"  {(load.Full ? "full load" : $"incremental load: {load.WatermarkColumn} above {load.From}")}; watermark now {load.To ?? "none"}");
        return ImportCommand.ExitCode(report);
    }
}
