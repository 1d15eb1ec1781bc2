using System.Text;

namespace NexGen.Core.Ingestion;

/// <summary>
/// Turns repeated UTF-8 values of a key column (locations, SKUs) into one string instance each, so that a file of
/// millions of rows allocates a string per distinct value, not per row, and series lookups compare references.
/// </summary>
sealed class TextInterner
{
    const int MaxDistinct = 2_000_000;
    readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    byte[] _lastBytes = new byte[64];
    int _lastLength = -1;
    string _last = "";

    public TextInterner() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string for the same bytes as the previous value (already checked to be valid UTF-8).</summary>
    public bool TryGetKnown(ReadOnlySpan<byte> utf8, out string? value)
    {
        var known = _lastLength == utf8.Length && utf8.SequenceEqual(_lastBytes.AsSpan(0, _lastLength));
        value = known ? _last : null;
        return known;
    }

    /// <summary>The one string for these bytes (the caller has checked they are valid UTF-8).</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        chars = chars[..length];
        if (!_lookup.TryGetValue(chars, out var value))
        {
            value = new string(chars);
            if (_values.Count < MaxDistinct)
                _values.Add(value, value);
        }
        if (_lastBytes.Length < utf8.Length)
            _lastBytes = new byte[utf8.Length * 2];
        utf8.CopyTo(_lastBytes);
        _lastLength = utf8.Length;
        _last = value;
        return value;
    }
}
