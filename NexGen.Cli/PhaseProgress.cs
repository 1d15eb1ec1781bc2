using System.Diagnostics;

namespace NexGen.Cli;

/// <summary>Prints each phase of a long run to stderr with the elapsed time and the fraction done.</summary>
sealed class PhaseProgress(Stopwatch clock) : IProgress<(string Phase, double Fraction)>
{
    public void Report((string Phase, double Fraction) value) =>
        Console.Error.WriteLine($"  {clock.Elapsed.TotalSeconds,7:N1} s  {value.Fraction,5:P0}  {value.Phase}");
}
