using System.Globalization;

namespace NexGen.Core.Ingestion;

/// <summary>
/// Reads numbers with a decimal point or a decimal comma, decided once per file by the first number that shows
/// one. Thousands separators are accepted where they cannot be the decimal mark (1,234.5 or 1.234,5, or 1,234
/// in a comma-separated file, where a comma inside a value must be quoted and is grouping).
/// </summary>
sealed class NumberReader(char delimiter)
{
    char? _decimal;

    /// <summary>The value and line that decided the decimal mark, for messages.</summary>
    public string? Evidence { get; private set; }

    public string? DecimalSeparator => _decimal?.ToString();

    public bool TryRead(ReadOnlySpan<char> text, long line, out double value, out string? error)
    {
        error = null;
        var comma = text.LastIndexOf(',');
        if (comma < 0 && _decimal != ',' && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value))
        {
            if (_decimal is null && text.Contains('.'))
            {
                _decimal = '.';
                Evidence = $"'{text}' at line {line}";
            }
            return true;
        }
        var dot = text.LastIndexOf('.');
        char? mark = null;
        char? grouping = null;
        if (dot >= 0 && comma >= 0)
            (mark, grouping) = dot > comma ? ('.', ',') : (',', '.');
        else if (comma >= 0)
        {
            if (delimiter == ',' && IsGrouped(text, ','))
                grouping = ',';
            else
                mark = ',';
        }
        else if (dot >= 0)
            mark = '.';

        if (mark is { } m)
        {
            if (_decimal is null)
            {
                _decimal = m;
                Evidence = $"'{text}' at line {line}";
            }
            else if (_decimal != m)
            {
                value = 0;
                error = $"uses a decimal {(m == '.' ? "point" : "comma")} but this file's numbers use a decimal " +
                        $"{(_decimal == '.' ? "point" : "comma")} (decided by {Evidence}).";
                return false;
            }
        }

        Span<char> buffer = stackalloc char[Math.Min(text.Length, 128)];
        var length = 0;
        foreach (var c in text[..Math.Min(text.Length, 128)])
        {
            if (c == grouping)
                continue;
            buffer[length++] = c == ',' ? '.' : c;
        }
        if (double.TryParse(buffer[..length], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
            return true;
        error = "is not a number.";
        return false;
    }

    /// <summary>1,234 or 12,345,678: groups of three after the first separator.</summary>
    static bool IsGrouped(ReadOnlySpan<char> text, char separator)
    {
        var first = text.IndexOf(separator);
        if (first is < 1 or > 4)
            return false;
        var rest = text[(first + 1)..];
        while (true)
        {
            var next = rest.IndexOf(separator);
            var group = next < 0 ? rest : rest[..next];
            if (group.Length != 3)
                return false;
            if (next < 0)
                return true;
            rest = rest[(next + 1)..];
        }
    }
}
