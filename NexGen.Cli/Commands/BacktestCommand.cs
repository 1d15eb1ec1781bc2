using System.Diagnostics;
using NexGen.Core;
using NexGen.Core.Features;
using NexGen.Core.Forecasting;

namespace NexGen.Cli.Commands;

/// <summary><c>backtest</c>: rolling-origin accuracy of NexGen beside seasonal naive and a moving average.</summary>
static class BacktestCommand
{
    public const string Usage = "backtest --windows W --horizon H [--cutoff yyyy-MM-dd] [--step S] [--calibration-windows 2] [--trees N] [--model lightgbm|fasttree|tweedie|auto] [--max-rows N] [--training-window N] [--early-stopping N] [--volume-weight 0] [--leaves 63] [--min-leaf 50] [--seed 42] [--store PATH]";

    public static async Task<int> RunAsync(CommandLine line, NexGenOptions settings, CancellationToken cancellationToken)
    {
        var backtest = new BacktestOptions(line.Int("windows", 1), line.Int("horizon", 0) is > 0 and var h ? h : throw new UsageException("backtest needs --horizon H (periods)."),
            line.Get("step") is null ? null : line.Int("step", 0), line.Get("cutoff") is { } c ? ParseDate(c) : null);
        var options = ModelOptions(line);
        var store = await CliSettings.OpenStoreAsync(line, settings);
        line.RejectUnknown();

        var clock = Stopwatch.StartNew();
        var panel = await new SalesPanelLoader(store).LoadAsync(cancellationToken);
        Console.Error.WriteLine($"loaded {panel.Series.Count:N0} series x {panel.Periods:N0} periods in {clock.Elapsed.TotalSeconds:N1} s");
        var engine = new ForecastEngineOptions { Horizon = backtest.Horizon, Model = options, CalibrationWindows = line.Int("calibration-windows", 2) };
        var result = new Backtester(panel, engine).Run(backtest, new PhaseProgress(clock), cancellationToken);

        Console.WriteLine($"cutoffs {string.Join(", ", result.Cutoffs.Select(d => d.ToString("yyyy-MM-dd")))}, horizon {result.Horizon}");
        Console.WriteLine($"{"model",-18}{"MAE",14}{"RMSE",14}{"WAPE",9}{"bias",9}{"RMSSE",9}{"WRMSSE",9}");
        foreach (var (model, m) in result.Metrics.OrderBy(m => m.Key == ModelNames.NexGen ? 0 : 1).ThenBy(m => m.Key, StringComparer.Ordinal))
            Console.WriteLine($"{model,-18}{m.Mae,14:N2}{m.Rmse,14:N2}{m.Wape,9:P1}{m.Bias,9:P1}{m.Rmsse,9:N3}{m.Wrmsse,9:N3}");
        var coverage = result.Coverage;
        Console.WriteLine($"interval coverage over {coverage.Points:N0} points: p{coverage.Lower * 100:0}-p{coverage.Upper * 100:0} {coverage.Central:P1} (nominal {coverage.Upper - coverage.Lower:P0}); " +
                          string.Join(", ", coverage.Levels.Select(l => $"<= p{l.Key * 100:0} {l.Value:P1}")));
        foreach (var (model, score) in result.IntervalScores.OrderBy(s => s.Key == ModelNames.NexGen ? 0 : 1))
            Console.WriteLine($"{model}: p{coverage.Lower * 100:0}-p{coverage.Upper * 100:0} by volume quartile (Q1 smallest) " +
                              string.Join(" ", score.CentralByQuartile.Select(c => c.ToString("P0", System.Globalization.CultureInfo.InvariantCulture))) +
                              $"; <= p{coverage.Levels.Keys.Max() * 100:0} " + string.Join(" ", score.UpperByQuartile.Select(c => c.ToString("P0", System.Globalization.CultureInfo.InvariantCulture))) +
                              "; scaled pinball " + string.Join(" ", score.Pinball.Select(p => $"p{p.Key * 100:0} {p.Value:N3}")));
        var total = result.TotalCoverage;
        Console.WriteLine($"the total's own interval over {total.Points:N0} cutoff x period points: p{total.Lower * 100:0}-p{total.Upper * 100:0} {total.Central:P1}; " +
                          string.Join(", ", total.Levels.Select(l => $"<= p{l.Key * 100:0} {l.Value:P1}")));
        Console.Error.WriteLine($"done in {clock.Elapsed.TotalSeconds:N1} s, peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB");
        return ExitCodes.Ok;
    }

    internal static GlobalModelOptions ModelOptions(CommandLine line) => new()
    {
        Trees = line.Int("trees", new GlobalModelOptions().Trees),
        Kind = line.Get("model") switch
        {
            null or "lightgbm" => ModelKind.LightGbm,
            "auto" => ModelKind.Auto,
            "fasttree" => ModelKind.FastTree,
            "tweedie" => ModelKind.FastTreeTweedie,
            var other => throw new UsageException($"--model must be lightgbm, fasttree, tweedie or auto, not '{other}'."),
        },
        MaxTrainingRows = line.Int("max-rows", new GlobalModelOptions().MaxTrainingRows),
        TrainingWindow = line.Int("training-window", 104),
        EarlyStoppingRounds = line.Int("early-stopping", new GlobalModelOptions().EarlyStoppingRounds),
        Leaves = line.Int("leaves", new GlobalModelOptions().Leaves),
        MinimumExamplesPerLeaf = line.Int("min-leaf", new GlobalModelOptions().MinimumExamplesPerLeaf),
        Seed = line.Int("seed", new GlobalModelOptions().Seed),
        VolumeWeight = line.Get("volume-weight") is { } weight ? double.Parse(weight, System.Globalization.CultureInfo.InvariantCulture) : new GlobalModelOptions().VolumeWeight,
    };

    internal static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date) ? date : throw new UsageException($"Dates are yyyy-MM-dd, not '{text}'.");
}
