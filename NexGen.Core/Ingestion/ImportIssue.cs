namespace NexGen.Core.Ingestion;

/// <summary>One problem found in a file or in the rows of a SQL source.</summary>
/// <param name="Line">
/// 1-based line of the file (the header is line 1) or row of a SQL source (the first row is row 1); 0 when the problem
/// is not on one line (a gap in a series).
/// </param>
/// <param name="Column">1-based column, 0 when the problem concerns the whole row or file.</param>
/// <param name="ColumnName">The header of that column as written in the file, or the column name the query returns.</param>
/// <param name="Value">The offending value, cut to 100 characters.</param>
/// <param name="Code">A stable code counted in <see cref="ImportReport.Counts"/>, e.g. <c>bad_date</c>.</param>
/// <param name="Reason">What is wrong and what to do, in a sentence.</param>
/// <param name="Unit">What <paramref name="Line"/> counts: <see cref="LineUnit"/> in a file, <see cref="RowUnit"/> in a SQL source.</param>
public sealed record ImportIssue(IssueSeverity Severity, string Code, long Line, int Column, string ColumnName, string Value, string Reason,
    string Unit = ImportIssue.LineUnit)
{
    public const string LineUnit = "line";
    public const string RowUnit = "row";

    public override string ToString()
    {
        var where = Line > 0
            ? $"{Unit} {Line}" + (Column > 0 ? $", column {Column} ({ColumnName})" : "")
            : Unit == RowUnit ? "source" : "file";
        var value = Value.Length > 0 ? $" '{Value}'" : "";
        return $"{Severity.ToString().ToLowerInvariant()} {where}:{value} {Reason}";
    }
}
