using System.Data;
using Dapper;

namespace NexGen.Core.Ingestion;

/// <summary>The SQL a source load sends, and its one parameter <c>@since</c> (the watermark) when the load is incremental.</summary>
/// <param name="Since">The watermark value rows must exceed; null for a full read.</param>
/// <param name="SinceType">The parameter's type when the provider sets it (SQL Server: datetime2 for timestamps).</param>
public sealed record SourceCommand(string Sql, object? Since, DbType? SinceType)
{
    /// <summary>The command as Dapper runs it.</summary>
    /// <param name="timeoutSeconds">Seconds before the query is abandoned; 0 waits forever.</param>
    public CommandDefinition Definition(int timeoutSeconds, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        if (Since is not null)
            parameters.Add("since", Since, SinceType);
        return new CommandDefinition(Sql, parameters, commandTimeout: timeoutSeconds, cancellationToken: cancellationToken);
    }
}
