using System.Diagnostics;
using NexGen.Core;
using NexGen.Core.Forecasting;
using NexGen.Core.Store;

namespace NexGen.Cli.Commands;

/// <summary><c>forecast</c>: a forecast run through the same service as the app's button, optionally written to a file.</summary>
static class ForecastCommand
{
    public const string Usage = "forecast --horizon H [--cutoff yyyy-MM-dd] [--out F.csv|F.parquet] [--calibration-windows 2] [--trees N] [--model lightgbm|fasttree|tweedie|auto] [--max-rows N] [--predict] [--store PATH]";

    public static async Task<int> RunAsync(CommandLine line, NexGenOptions settings, CancellationToken cancellationToken)
    {
        var horizon = line.Int("horizon", 0) is > 0 and var h ? h : throw new UsageException("forecast needs --horizon H (periods).");
        var cutoff = line.Get("cutoff") is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date) ? date : throw new UsageException($"--cutoff must be yyyy-MM-dd, not '{text}'.")
            : (DateOnly?)null;
        var output = line.Get("out");
        var format = output is null ? null : Path.GetExtension(output).ToLowerInvariant() switch
        {
            ".csv" => "csv",
            ".parquet" => "parquet",
            _ => throw new UsageException("--out must end in .csv or .parquet."),
        };
        // --predict forecasts with the active model (no backtest, no training) and retrains only when it cannot.
        var request = new ForecastRunRequest(horizon, cutoff, "cli", line.Int("calibration-windows", 2), BacktestCommand.ModelOptions(line))
        {
            Retrain = !line.Flag("predict"),
        };
        var store = await CliSettings.OpenStoreAsync(line, settings);
        line.RejectUnknown();

        var runs = new RunStore(store);
        var service = new ForecastService(store, runs, new ModelRegistry(store));
        var clock = Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        service.ProgressChanged += p =>
        {
            if (clock.Elapsed < next && p.Phase != "finished")
                return;
            next = clock.Elapsed + TimeSpan.FromSeconds(1);
            Console.Error.WriteLine($"  {clock.Elapsed.TotalSeconds,7:N1} s  {p.Fraction,5:P0}  {p.Phase}");
        };
        var run = await service.RunAsync(request, cancellationToken);
        Console.Error.WriteLine($"run #{run.Id} {run.Status} in {clock.Elapsed.TotalSeconds:N1} s, peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB" +
                                (run.Error is null ? "" : $": {run.Error}"));
        if (run.Status != "succeeded")
            return ExitCodes.Failure;
        if (run.Metrics is not null)
            Console.Error.WriteLine($"  {run.Metrics}");
        if (output is not null)
        {
            await runs.ExportForecastsAsync(run.Id, Path.GetFullPath(output), format!, cancellationToken);
            Console.Error.WriteLine($"  wrote {output}");
        }
        return ExitCodes.Ok;
    }
}
