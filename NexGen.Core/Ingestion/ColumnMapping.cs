namespace NexGen.Core.Ingestion;

/// <summary>
/// An explicit mapping from a file's header names to canonical column names, e.g. <c>Store=location,Dept=sku</c>.
/// It wins over the built-in aliases; the CLI's <c>--map</c> and the upload page both produce one.
/// </summary>
public sealed record ColumnMapping(IReadOnlyDictionary<string, string> SourceToCanonical)
{
    public static ColumnMapping Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>
    /// The target that leaves a column out: <c>Price=ignore</c> keeps a column that an alias would match (here
    /// <c>price</c>) from being read.
    /// </summary>
    public const string Ignore = "ignore";

    /// <summary>Parses <c>Source=canonical,Other=canonical</c>; a malformed pair throws <see cref="FormatException"/>.</summary>
    public static ColumnMapping Parse(string? text)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(text))
            return new ColumnMapping(map);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new FormatException($"Column mapping '{pair}' is not of the form Source=canonical (e.g. Store=location).");
            if (!map.TryAdd(parts[0], parts[1].ToLowerInvariant()))
                throw new FormatException($"Column mapping names the source column '{parts[0]}' twice.");
        }
        return new ColumnMapping(map);
    }

    public override string ToString() => string.Join(",", SourceToCanonical.Select(p => $"{p.Key}={p.Value}"));
}
