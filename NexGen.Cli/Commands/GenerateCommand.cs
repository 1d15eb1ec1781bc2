using NexGen.Core.Samples;

namespace NexGen.Cli.Commands;

/// <summary><c>generate</c>: a synthetic retail data set, from the committed sample up to M5 scale.</summary>
static class GenerateCommand
{
    public const string Usage = "generate [--locations 3] [--skus 200] [--days 730] [--seed 42] [--start 2024-11-25] [--gzip] --out DIR";

    public static async Task<int> RunAsync(CommandLine line, CancellationToken cancellationToken)
    {
        var output = line.Get("out") ?? throw new UsageException("generate needs --out DIR.");
        var start = line.Get("start") is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date) ? date : throw new UsageException($"--start must be yyyy-MM-dd, not '{text}'.")
            : (DateOnly?)null;
        SampleDataOptions options;
        try
        {
            options = new SampleDataOptions(line.Int("locations", 3), line.Int("skus", 200), line.Int("days", 730), line.Int("seed", 42), start, line.Flag("gzip"));
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException(e.Message);
        }
        line.RejectUnknown();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var next = TimeSpan.FromSeconds(1);
        var progress = new Progress<long>(rows =>
        {
            if (clock.Elapsed < next)
                return;
            next = clock.Elapsed + TimeSpan.FromSeconds(1);
            Console.Error.WriteLine($"  {rows,14:N0} sales rows  {rows / clock.Elapsed.TotalSeconds,12:N0} rows/s");
        });
        var result = await new SampleDataGenerator().GenerateAsync(options, output, progress, cancellationToken);
        Console.Error.WriteLine($"Wrote {result.SalesRows:N0} sales rows in {clock.Elapsed.TotalSeconds:N1} s:");
        foreach (var file in result.Files)
            Console.Error.WriteLine($"  {file} ({new FileInfo(file).Length / 1024.0 / 1024:N1} MB)");
        return ExitCodes.Ok;
    }
}
