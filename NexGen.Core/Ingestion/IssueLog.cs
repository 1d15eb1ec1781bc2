namespace NexGen.Core.Ingestion;

/// <summary>Collects problems during an import: counts every one, keeps the first few of each severity.</summary>
/// <param name="lineUnit">What issue lines count: <see cref="ImportIssue.LineUnit"/> or <see cref="ImportIssue.RowUnit"/>.</param>
sealed class IssueLog(int maxPerSeverity, string lineUnit)
{
    readonly List<ImportIssue> _issues = [];
    readonly Dictionary<string, long> _counts = new();
    int _keptErrors;
    int _keptWarnings;

    public long Errors { get; private set; }
    public long Warnings { get; private set; }

    public IReadOnlyList<ImportIssue> Issues => _issues;
    public IReadOnlyDictionary<string, long> Counts => _counts;

    public ImportIssue? FirstError => _issues.FirstOrDefault(i => i.Severity == IssueSeverity.Error);

    public void Error(string code, long line, int column, string columnName, ReadOnlySpan<char> value, string reason) =>
        Add(IssueSeverity.Error, code, line, column, columnName, value, reason);

    public void Warning(string code, long line, int column, string columnName, ReadOnlySpan<char> value, string reason) =>
        Add(IssueSeverity.Warning, code, line, column, columnName, value, reason);

    /// <summary>Counts a problem without keeping its details (when the caller already reported enough of them).</summary>
    public void Count(IssueSeverity severity, string code, long count = 1)
    {
        if (severity == IssueSeverity.Error) Errors += count; else Warnings += count;
        _counts[code] = _counts.GetValueOrDefault(code) + count;
    }

    void Add(IssueSeverity severity, string code, long line, int column, string columnName, ReadOnlySpan<char> value, string reason)
    {
        Count(severity, code);
        ref var kept = ref severity == IssueSeverity.Error ? ref _keptErrors : ref _keptWarnings;
        if (kept >= maxPerSeverity)
            return;
        kept++;
        var text = value.Length > 100 ? string.Concat(value[..100], "...") : value.ToString();
        _issues.Add(new ImportIssue(severity, code, line, column, columnName, text, reason, lineUnit));
    }
}
