using System.Numerics;

namespace NexGen.Core.Ingestion;

/// <summary>
/// Remembers every key of a file to find repeats without holding rows in memory. Keys made of one or two
/// texts and a date (sales, inventory, events) keep one bit per day per series: 30,490 series over 1,941
/// days take 7 MB, and the same bits give the grain and the gaps of each series. Other keys go into a set.
/// </summary>
sealed class KeyTracker
{
    readonly Dictionary<(string, string), SeriesDays> _series = new();
    readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    (string, string) _lastKey;
    SeriesDays? _last;

    /// <summary>Adds a key of texts and a day; false when it was seen before.</summary>
    public bool Add(string first, string second, int dayNumber)
    {
        if (_last is null || !ReferenceEquals(_lastKey.Item1, first) || !ReferenceEquals(_lastKey.Item2, second))
        {
            _lastKey = (first, second);
            if (!_series.TryGetValue(_lastKey, out _last))
                _series.Add(_lastKey, _last = new SeriesDays());
        }
        return _last.Add(dayNumber);
    }

    /// <summary>Adds any other key; false when it was seen before.</summary>
    public bool Add(string key) => _keys.Add(key);

    public int SeriesCount => _series.Count;

    /// <summary>Rewrites every remembered day (when a file's dates turn out to be month-first).</summary>
    public void Remap(Func<int, int> map)
    {
        foreach (var series in _series.Values)
            series.Remap(map);
    }

    public IEnumerable<((string First, string Second) Key, SeriesDays Days)> Series =>
        _series.Select(p => (p.Key, p.Value));
}

/// <summary>The set of days of one series, as bits from a base day.</summary>
sealed class SeriesDays
{
    int _base;
    ulong[] _bits = [];

    public int Count { get; private set; }

    /// <summary>First and last day (day numbers), 0 when empty.</summary>
    public int First { get; private set; }
    public int Last { get; private set; }

    public bool Add(int day)
    {
        if (_bits.Length == 0)
        {
            _base = day - 64 * 4;
            _bits = new ulong[16];
        }
        var offset = day - _base;
        if (offset < 0 || offset >= _bits.Length * 64)
            Grow(day);
        offset = day - _base;
        ref var word = ref _bits[offset >> 6];
        var mask = 1UL << (offset & 63);
        if ((word & mask) != 0)
            return false;
        word |= mask;
        if (Count == 0 || day < First) First = day;
        if (Count == 0 || day > Last) Last = day;
        Count++;
        return true;
    }

    /// <summary>The days in ascending order.</summary>
    public IEnumerable<int> Days()
    {
        for (var w = 0; w < _bits.Length; w++)
        {
            var word = _bits[w];
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                yield return _base + w * 64 + bit;
                word &= word - 1;
            }
        }
    }

    public void Remap(Func<int, int> map)
    {
        var days = Days().Select(map).ToList();
        _bits = [];
        Count = 0;
        foreach (var day in days)
            Add(day);
    }

    void Grow(int day)
    {
        var first = Math.Min(_base, day - 64 * 4) & ~63;
        var last = Math.Max(_base + _bits.Length * 64, day + 64 * 16);
        var words = new ulong[(last - first + 63) / 64];
        var shiftWords = (_base - first) / 64;
        if ((_base - first) % 64 == 0)
            Array.Copy(_bits, 0, words, shiftWords, _bits.Length);
        else
            foreach (var existing in Days())
            {
                var o = existing - first;
                words[o >> 6] |= 1UL << (o & 63);
            }
        _base = first;
        _bits = words;
    }
}
