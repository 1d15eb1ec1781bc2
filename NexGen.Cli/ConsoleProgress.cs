using NexGen.Core.Ingestion;

namespace NexGen.Cli;

/// <summary>Prints import progress to stderr at most once a second.</summary>
sealed class ConsoleProgress : IProgress<ImportProgress>
{
    DateTime _next = DateTime.UtcNow.AddSeconds(1);
    bool _printed;

    public void Report(ImportProgress value)
    {
        if (DateTime.UtcNow < _next)
            return;
        _next = DateTime.UtcNow.AddSeconds(1);
        _printed = true;
        // A SQL source has no known total: rows and rows/s only.
        Console.Error.WriteLine($"  {value.Rows,14:N0} rows  {value.RowsPerSecond,12:N0} rows/s" + (value.TotalBytes > 0 ? $"  {value.Fraction,6:P0}" : ""));
    }

    public void Done()
    {
        if (_printed)
            Console.Error.WriteLine();
    }
}
