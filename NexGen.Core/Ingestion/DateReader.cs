namespace NexGen.Core.Ingestion;

/// <summary>
/// Reads dates as ISO (yyyy-MM-dd, yyyy/MM/dd, yyyyMMdd) or as dd/MM/yyyy or MM/dd/yyyy (separators / . -), with or
/// without a time part, which is dropped. The day/month order is decided once per file: with
/// <see cref="DateOrder.Auto"/> the first date that is valid only one way settles it. Dates read before that were
/// valid both ways and were read day-first; when the file turns out month-first, <see cref="SwapRequested"/> tells
/// the importer to swap day and month of what it already wrote.
/// </summary>
sealed class DateReader(DateOrder order)
{
    DateOrder _order = order;
    bool _ambiguousSeen;
    bool _isoSeen;
    char _separator = '/';

    /// <summary>The value and line that decided the order, for messages.</summary>
    public string? Evidence { get; private set; }

    public bool SwapRequested { get; private set; }

    /// <summary>ISO dates were read before a month-first decision: swapping would corrupt them.</summary>
    public bool MixedStyles => SwapRequested && _isoSeen;

    public bool Ambiguous => _order == DateOrder.Auto && _ambiguousSeen;

    public void SwapDone() => SwapRequested = false;

    public string? Format => _order switch
    {
        DateOrder.DayFirst => $"dd{_separator}MM{_separator}yyyy",
        DateOrder.MonthFirst => $"MM{_separator}dd{_separator}yyyy",
        _ when _ambiguousSeen => $"dd{_separator}MM{_separator}yyyy or MM{_separator}dd{_separator}yyyy (undecided)",
        _ when _isoSeen => "yyyy-MM-dd",
        _ => null,
    };

    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="error"/> says why.</summary>
    public bool TryRead(ReadOnlySpan<char> text, long line, out DateOnly date, out string? error)
    {
        error = null;
        if (TryIsoFast(text, out date))
            return true;
        date = default;
        if (!TryShape(text, out var first, out var second, out var third, out var iso, out var separator))
        {
            error = "is not a date; write yyyy-MM-dd, dd/MM/yyyy or MM/dd/yyyy (a time after the date is allowed).";
            return false;
        }
        if (iso)
        {
            _isoSeen = true;
            if (TryMake(first, second, third, out date))
                return true;
            error = "is not a valid yyyy-MM-dd date.";
            return false;
        }

        _separator = separator;
        var dayFirst = TryMake(third, second, first, out var dayFirstDate);
        var monthFirst = TryMake(third, first, second, out var monthFirstDate);
        switch (_order)
        {
            case DateOrder.DayFirst:
                date = dayFirstDate;
                error = dayFirst ? null : Mismatch("dd/MM/yyyy", monthFirst);
                return dayFirst;
            case DateOrder.MonthFirst:
                date = monthFirstDate;
                error = monthFirst ? null : Mismatch("MM/dd/yyyy", dayFirst);
                return monthFirst;
        }

        if (dayFirst && monthFirst)
        {
            _ambiguousSeen = true;
            date = dayFirstDate;
            return true;
        }
        if (dayFirst || monthFirst)
        {
            _order = dayFirst ? DateOrder.DayFirst : DateOrder.MonthFirst;
            Evidence = $"'{text}' at line {line}";
            SwapRequested = monthFirst && _ambiguousSeen;
            date = dayFirst ? dayFirstDate : monthFirstDate;
            return true;
        }
        error = "is not a valid date, neither as dd/MM/yyyy nor as MM/dd/yyyy.";
        return false;
    }

    readonly char[] _lastIso = new char[10];
    DateOnly _lastIsoDate;
    readonly byte[] _lastIsoUtf8 = new byte[10];

    /// <summary>The fast path on the file's bytes: exactly yyyy-MM-dd; false means "use <see cref="TryRead"/>".</summary>
    public bool TryReadIso(ReadOnlySpan<byte> utf8, out DateOnly date)
    {
        date = default;
        if (utf8.Length != 10 || utf8[4] != (byte)'-' || utf8[7] != (byte)'-')
            return false;
        if (utf8.SequenceEqual(_lastIsoUtf8))
        {
            date = _lastIsoDate;
            return true;
        }
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < 10; i++)
            chars[i] = (char)utf8[i];
        if (!TryIsoFast(chars, out date))
            return false;
        utf8.CopyTo(_lastIsoUtf8);
        return true;
    }

    /// <summary>yyyy-MM-dd exactly, the common case: no splitting, and a repeat of the previous value is free.</summary>
    bool TryIsoFast(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
            return false;
        if (text.SequenceEqual(_lastIso))
        {
            date = _lastIsoDate;
            return true;
        }
        var year = Digits(text[..4]);
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        if (year < 0 || month < 0 || day < 0 || !TryMake(year, month, day, out date))
            return false;
        _isoSeen = true;
        text.CopyTo(_lastIso);
        _lastIsoDate = date;
        return true;
    }

    static int Digits(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    string Mismatch(string format, bool validOtherWay) =>
        $"is not a valid {format} date" +
        (Evidence is null ? "" : $" (the file's dates were read as {format} from {Evidence})") +
        (validOtherWay ? "; it would be valid the other way round: the file mixes date formats." : ".");

    static bool TryMake(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Splits a date into three numbers; ISO dates come out as (year, month, day).</summary>
    static bool TryShape(ReadOnlySpan<char> text, out int first, out int second, out int third, out bool iso, out char separator)
    {
        first = second = third = 0;
        iso = false;
        separator = '/';
        var end = text.IndexOfAny('T', ' ');
        var datePart = end >= 0 ? text[..end] : text;
        if (end >= 0 && !IsTime(text[(end + 1)..]))
            return false;

        if (datePart.Length == 8 && int.TryParse(datePart, out var compact))
        {
            (first, second, third, iso) = (compact / 10000, compact / 100 % 100, compact % 100, true);
            return true;
        }
        var a = datePart.IndexOfAny('-', '/', '.');
        if (a <= 0)
            return false;
        separator = datePart[a];
        var rest = datePart[(a + 1)..];
        var b = rest.IndexOf(separator);
        if (b <= 0)
            return false;
        if (!int.TryParse(datePart[..a], out first) || !int.TryParse(rest[..b], out second) || !int.TryParse(rest[(b + 1)..], out third))
            return false;
        var firstDigits = a;
        var thirdDigits = rest.Length - b - 1;
        if (firstDigits == 4 && b <= 2 && thirdDigits <= 2)
            iso = true;
        else if (firstDigits > 2 || b > 2 || thirdDigits != 4)
            return false;
        return true;
    }

    static bool IsTime(ReadOnlySpan<char> time)
    {
        foreach (var c in time)
            if (!(char.IsAsciiDigit(c) || c is ':' or '.' or 'Z' or '+' or '-' or ' '))
                return false;
        return time.Length > 0;
    }
}
