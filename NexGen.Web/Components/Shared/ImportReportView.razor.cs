using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Ingestion;

namespace NexGen.Web.Components.Shared;

/// <summary>
/// An import's report: the outcome, how the file was read, the rows and columns, the problem counts and the first
/// problems with their line, column, value and reason. Shows a report; reads nothing.
/// </summary>
public sealed partial class ImportReportView
{
    [Parameter, EditorRequired] public ImportReport Report { get; set; } = default!;

    bool IsErrorCode(string code) => Report.Issues.Any(i => i.Code == code && i.Severity == IssueSeverity.Error);

    static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    static string ColumnText(ImportIssue issue) =>
        issue.Column > 0 ? $"{issue.Column} ({issue.ColumnName})" : issue.ColumnName.Length > 0 ? issue.ColumnName : "–";

    /// <summary>How the file was read: separator, encoding, line endings; dates, decimals and grain.</summary>
    static IEnumerable<string> FormatLines(ImportReport report)
    {
        if (report.Dialect is { } dialect)
            yield return $"{dialect.DelimiterName}-separated, {dialect.Encoding}{(dialect.Gzip ? ", gzip" : "")}, {dialect.LineEnding} line endings";
        var reading = new List<string> { $"dates {report.DateFormat ?? "not detected"}", $"decimal '{report.DecimalSeparator ?? "."}'" };
        if (report.Grain is not null)
            reading.Add($"{report.Grain} grain");
        yield return string.Join(", ", reading);
    }

    static Severity AlertSeverity(ImportStatus status) => status switch
    {
        ImportStatus.Succeeded => Severity.Success,
        ImportStatus.Rejected or ImportStatus.Failed => Severity.Error,
        _ => Severity.Info,
    };
}
