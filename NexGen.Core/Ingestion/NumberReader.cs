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

    static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// The fast path on the file's bytes: an optional minus, up to 15 digits and at most one decimal point.
    /// Mantissa and power of ten are exact doubles, so one division rounds correctly (the same value as
    /// double.Parse). False means "use <see cref="TryRead"/>".
    /// </summary>
    public bool TryReadSimple(ReadOnlySpan<byte> utf8, long line, out double value)
    {
        value = 0;
        if (_decimal == ',' || utf8.IsEmpty || utf8.Length > 17)
            return false;
        var negative = utf8[0] == (byte)'-';
        long mantissa = 0;
        var digits = 0;
        var point = -1;
        for (var i = negative ? 1 : 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b == (byte)'.' && point < 0)
                point = digits;
            else if ((uint)(b - '0') <= 9)
            {
                mantissa = mantissa * 10 + (b - '0');
                digits++;
            }
            else
                return false;
        }
        if (digits == 0 || digits > 15)
            return false;
        var fraction = point < 0 ? 0 : digits - point;
        value = fraction == 0 ? mantissa : mantissa / PowersOfTen[fraction];
        if (negative)
            value = -value;
        if (point >= 0 && _decimal is null)
        {
            _decimal = '.';
            Evidence = $"'{System.Text.Encoding.UTF8.GetString(utf8)}' at line {line}";
        }
        return true;
    }

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
