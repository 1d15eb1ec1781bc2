using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace NexGen.Core.Ingestion;

/// <summary>
/// What SQL Server and PostgreSQL sources differ in: the connection, identifier quoting and the type a watermark is
/// sent as. Everything else (the SQL shape, reading, checking, writing) is the same code for both.
/// </summary>
public abstract class SqlSourceProvider
{
    /// <summary>The provider of a <see cref="SqlSourceOptions.Provider"/> name.</summary>
    public static SqlSourceProvider For(string name) => name switch
    {
        SqlSourceOptions.SqlServer => SqlServer.Instance,
        SqlSourceOptions.PostgreSql => PostgreSql.Instance,
        _ => throw new ArgumentException($"Unknown provider '{name}'; use {SqlSourceOptions.SqlServer} or {SqlSourceOptions.PostgreSql}.", nameof(name)),
    };

    /// <summary>A closed connection; the caller opens and disposes it.</summary>
    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>One identifier quoted for the dialect: <c>[name]</c> or <c>"name"</c>.</summary>
    public abstract string QuoteIdentifier(string name);

    /// <summary>
    /// The SQL that reads a source: its query (or its whole table) and, with a watermark, only the rows above it
    /// (with a lookback: from the watermark minus the lookback, boundary included).
    /// </summary>
    /// <param name="since">The stored watermark as a value of the column's type; null reads everything.</param>
    public SourceCommand Command(SqlSourceOptions source, object? since)
    {
        var select = string.IsNullOrWhiteSpace(source.Query)
            ? $"SELECT * FROM {string.Join('.', source.Table!.Trim().Split('.').Select(QuoteIdentifier))}"
            : source.Query.Trim().TrimEnd(';').TrimEnd();
        if (since is null)
            return new SourceCommand(select, null, null);
        var comparison = ">";
        if (source.WatermarkLookback is { } lookback)
        {
            since = WatermarkValue.Minus(since, lookback);
            comparison = ">=";
        }
        return new SourceCommand(
            // The query on lines of its own, so that a trailing -- comment cannot swallow the closing parenthesis.
            $"SELECT * FROM (\n{select}\n) AS nexgen_source WHERE {QuoteIdentifier(source.Watermark!)} {comparison} @since",
            since, SinceType(since));
    }

    /// <summary>The parameter type of a watermark value; null lets the driver choose.</summary>
    protected abstract DbType? SinceType(object since);

    sealed class SqlServer : SqlSourceProvider
    {
        public static readonly SqlServer Instance = new();

        public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

        public override string QuoteIdentifier(string name) => $"[{name.Replace("]", "]]", StringComparison.Ordinal)}]";

        // A DateTime goes as datetime by default, which rounds to 1/300 s: datetime2 keeps the value exactly.
        protected override DbType? SinceType(object since) => since is DateTime ? DbType.DateTime2 : null;
    }

    sealed class PostgreSql : SqlSourceProvider
    {
        public static readonly PostgreSql Instance = new();

        public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

        public override string QuoteIdentifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

        // Npgsql sends a DateTime as timestamp or timestamptz by its Kind, which round-trips from the column read.
        protected override DbType? SinceType(object since) => null;
    }
}
