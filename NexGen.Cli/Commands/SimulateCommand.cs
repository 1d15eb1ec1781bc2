using System.Diagnostics;
using System.Globalization;
using NexGen.Core;
using NexGen.Core.Features;
using NexGen.Core.Forecasting;
using NexGen.Core.Replenishment;
using NexGen.Core.Replenishment.Simulation;

namespace NexGen.Cli.Commands;

/// <summary><c>simulate</c>: replays NexGen's replenishment policy and the naive one over a past window.</summary>
static class SimulateCommand
{
    public const string Usage = "simulate --from yyyy-MM-dd --to yyyy-MM-dd [--policy periodic|continuous|minmax|cover] [--service-levels 0.9,0.95,0.98,0.99] " +
                                "[--lead-time-days 7] [--review-days 7] [--start-cover-days D] [--refit-days 28] [--backorders] [--forecaster engine|moving-average] " +
                                "[--calibration-windows 2] [--trees N] [--model auto|fasttree|tweedie] [--max-rows N] [--out F.csv] [--store PATH]";

    const int NaiveDays = 28;

    public static async Task<int> RunAsync(CommandLine line, NexGenOptions settings, CancellationToken cancellationToken)
    {
        var from = line.Get("from") is { } f ? BacktestCommand.ParseDate(f) : throw new UsageException("simulate needs --from yyyy-MM-dd.");
        var to = line.Get("to") is { } t ? BacktestCommand.ParseDate(t) : throw new UsageException("simulate needs --to yyyy-MM-dd.");
        var replenishment = new ReplenishmentOptions
        {
            Policy = line.Get("policy") ?? ReplenishmentOptions.Periodic,
            LeadTimeDays = line.Int("lead-time-days", 7),
            ReviewPeriodDays = line.Int("review-days", 7),
        };
        if (replenishment.Policy is not (ReplenishmentOptions.Periodic or ReplenishmentOptions.Continuous or ReplenishmentOptions.MinMax or ReplenishmentOptions.Cover))
            throw new UsageException($"--policy must be periodic, continuous, minmax or cover, not '{replenishment.Policy}'.");
        if (replenishment.LeadTimeDays < 0 || replenishment.ReviewPeriodDays < 1)
            throw new UsageException("--lead-time-days must be >= 0 and --review-days >= 1.");
        var levels = ServiceLevelList(line.Get("service-levels") ?? "0.9,0.95,0.98,0.99");
        var startCoverDays = line.Get("start-cover-days") is null ? (int?)null : line.Int("start-cover-days", 0);
        var refitDays = line.Int("refit-days", 28);
        if (startCoverDays < 0 || refitDays < 1)
            throw new UsageException("--start-cover-days must be >= 0 and --refit-days >= 1.");
        var forecaster = line.Get("forecaster") ?? "engine";
        if (forecaster is not ("engine" or "moving-average"))
            throw new UsageException($"--forecaster must be engine or moving-average, not '{forecaster}'.");
        var model = BacktestCommand.ModelOptions(line);
        var calibrationWindows = line.Int("calibration-windows", 2);
        var output = line.Get("out");
        var store = await CliSettings.OpenStoreAsync(line, settings);
        line.RejectUnknown();

        var clock = Stopwatch.StartNew();
        var panel = await new SalesPanelLoader(store).LoadAsync(cancellationToken);
        Console.Error.WriteLine($"loaded {panel.Series.Count:N0} series x {panel.Periods:N0} periods in {clock.Elapsed.TotalSeconds:N1} s");
        var periods = (int days) => Math.Max(1, (int)Math.Round(days / (double)panel.PeriodDays));
        var options = new SimulationOptions
        {
            From = panel.PeriodOf(from),
            To = panel.PeriodOf(to),
            RefitInterval = periods(refitDays),
            ServiceLevels = levels,
            StartCover = startCoverDays / (double)panel.PeriodDays,
            NaiveCover = periods(NaiveDays),
            NaiveWindow = periods(NaiveDays),
            Backorders = line.Flag("backorders"),
        };
        if (options.From < options.NaiveWindow || options.To < options.From || options.To >= panel.Periods)
            throw new UsageException($"--from and --to must lie inside the sales history ({panel.DateOf(options.NaiveWindow):yyyy-MM-dd} .. {panel.DateOf(panel.Periods - 1):yyyy-MM-dd}), --from first.");
        IForecastSource source = forecaster == "engine"
            ? new EngineForecastSource(panel, new ForecastEngineOptions { Horizon = 1, Model = model, CalibrationWindows = calibrationWindows })
            : new MovingAverageForecaster(panel, periods(NaiveDays * 2), periods(728));
        var items = await SimulationItems.LoadAsync(store, panel, replenishment, options.From, cancellationToken);
        var result = PolicySimulator.Run(panel, items, source, options, new PhaseProgress(clock), cancellationToken);

        Print(result, panel, items, options, replenishment, startCoverDays);
        if (output is not null)
        {
            await WriteSeriesAsync(result, output, cancellationToken);
            Console.Error.WriteLine($"  wrote {output}");
        }
        Console.Error.WriteLine($"done in {clock.Elapsed.TotalSeconds:N1} s, peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB");
        return ExitCodes.Ok;
    }

    static double[] ServiceLevelList(string text)
    {
        var levels = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var level) && level is > 0 and < 1
                ? level
                : throw new UsageException($"--service-levels takes probabilities between 0 and 1 separated by commas, not '{v}'."))
            .Distinct().Order().ToArray();
        return levels.Length > 0 ? levels : throw new UsageException("--service-levels needs at least one value.");
    }

    static void Print(SimulationResult result, SalesPanel panel, IReadOnlyList<SimulatedItem> items, SimulationOptions options, ReplenishmentOptions replenishment, int? startCoverDays)
    {
        var grain = panel.PeriodDays == 7 ? "weeks" : "days";
        var simulated = items.Count - result.SkippedSeries;
        Console.WriteLine($"simulation {result.From:yyyy-MM-dd} .. {result.To:yyyy-MM-dd} ({options.To - options.From + 1} {grain}), {simulated:N0} series" +
                          (result.SkippedSeries > 0 ? $" ({result.SkippedSeries:N0} with under {options.NaiveWindow} {grain} of history left out)" : ""));
        Console.WriteLine($"forecaster {result.Forecaster}, {result.Origins.Count} origins {options.RefitInterval} {grain} apart ({string.Join(", ", result.Origins.Select(o => o.ToString("yyyy-MM-dd")))})");
        Console.WriteLine($"NexGen policy {replenishment.Policy} with empirical safety stock; review every {replenishment.ReviewPeriodDays} days; lead time from products, else {replenishment.LeadTimeDays} days; " +
                          $"naive: every review, order up to {options.NaiveCover} {grain} of the trailing {options.NaiveWindow}-{grain[..^1]} mean; " +
                          $"both start with {(startCoverDays is { } d ? $"{d} days" : "L + R")} of that mean on hand; {(options.Backorders ? "backorders" : "lost sales")}");
        Console.WriteLine($"{"policy",-8}{"target",8}{"fill rate",11}{"CSL",9}{"cycles",9}{"stock-out periods",19}{"avg inventory",16}{"value",16}{"cover (" + grain + ")",15}{"orders",10}");
        foreach (var p in result.Policies)
        {
            var m = p.Metrics;
            Console.WriteLine($"{p.Policy,-8}{(p.ServiceLevel is { } l ? l.ToString("0.00", CultureInfo.InvariantCulture) : "-"),8}{m.FillRate,11:P2}{m.CycleServiceLevel,9:P1}{m.Cycles,9:N0}" +
                              $"{m.StockOutPeriods,19:N0}{m.AverageInventory,16:N0}{(m.AverageInventoryValue is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "-"),16}{m.Cover,15:N2}{m.Orders,10:N0}");
        }
    }

    /// <summary>
    /// One row per series and policy, written by CsvHelper with its formula-injection guard: a location or SKU starting
    /// with =, +, -, @, a tab or a carriage return is escaped, so a spreadsheet opening the file does not run it.
    /// </summary>
    static async Task WriteSeriesAsync(SimulationResult result, string path, CancellationToken cancellationToken)
    {
        await using var csv = CsvHelper.CsvWriter.ToFile(path, new CsvHelper.CsvWriterOptions { NewLine = "\n", Injection = CsvHelper.CsvInjection.Escape });
        csv.WriteHeader(["location", "sku", "policy", "service_level", "lead_time", "demand", "served", "fill_rate", "cycles", "cycles_with_stockout",
            "csl", "stockout_periods", "avg_inventory", "avg_inventory_value", "orders"]);
        foreach (var s in result.Series)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var m = s.Metrics;
            csv.WriteRecord([s.Location, s.Sku, s.Policy, N(s.ServiceLevel), s.LeadTime.ToString(CultureInfo.InvariantCulture), N(m.Demand), N(m.Served),
                N(m.FillRate), m.Cycles.ToString(CultureInfo.InvariantCulture), m.CyclesWithStockOut.ToString(CultureInfo.InvariantCulture),
                N(m.CycleServiceLevel), m.StockOutPeriods.ToString(CultureInfo.InvariantCulture), N(m.AverageInventory), N(m.AverageInventoryValue),
                m.Orders.ToString(CultureInfo.InvariantCulture)]);
        }
    }

    /// <summary>Invariant, up to 4 decimals; empty for null or NaN.</summary>
    static string N(double? value) => value is { } v && !double.IsNaN(v) ? Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture) : "";
}
