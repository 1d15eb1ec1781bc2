using System.Globalization;

/// <summary>The tries of one page or action, in ms, against its target (met when the p95 is at most the target).</summary>
sealed record Timing(string Name, IReadOnlyList<double> Times, double Target)
{
    readonly double[] _sorted = [.. Times.Order()];

    /// <summary>Nearest rank, as bench/ApiBench: the smallest try with at least <paramref name="p"/> of the tries at or below it.</summary>
    public double Percentile(double p) => _sorted.Length == 0 ? double.NaN : _sorted[Math.Min(_sorted.Length - 1, (int)Math.Ceiling(p * _sorted.Length) - 1)];

    public bool Passes => _sorted.Length > 0 && Percentile(0.95) <= Target;

    public static void Print(IEnumerable<Timing> timings)
    {
        var rows = timings.ToList();
        var width = Math.Max(14, rows.Max(r => r.Name.Length));
        Console.WriteLine($"{"page / action".PadRight(width)}  tries  median ms  p95 ms  max ms  target  result");
        foreach (var r in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name.PadRight(width)}  {r.Times.Count,5}  {r.Percentile(0.50),9:F0}  {r.Percentile(0.95),6:F0}  {r.Percentile(1),6:F0}  {r.Target,6:F0}  {(r.Passes ? "pass" : "FAIL")}"));
    }
}
