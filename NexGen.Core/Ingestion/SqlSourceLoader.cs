using System.ComponentModel.DataAnnotations;
using System.Data;
using System.Data.Common;
using Dapper;
using NexGen.Core.Store;

namespace NexGen.Core.Ingestion;

/// <summary>
/// Loads the SQL sources of the settings into the store, all or nothing per load, with the validation of a CSV import.
/// An incremental load reads only the rows above the source's stored watermark and moves the watermark in the same
/// transaction as the rows; a full load reads everything and starts the watermark over. Every attempt is recorded in
/// <c>imports</c>. Connection strings are looked up by name and never appear in a report, a message or a log.
/// </summary>
public sealed class SqlSourceLoader(DuckDbStore store, ImportHistory history, SourceWatermarks watermarks, NexGenOptions options,
    SourceConnectionStrings connectionStrings)
{
    /// <summary>The sources of the settings, in their order.</summary>
    public IReadOnlyList<SqlSourceOptions> Sources => options.Sources;

    /// <summary>The source named <paramref name="name"/> (ignoring case).</summary>
    /// <exception cref="ArgumentException">No source has that name; the message lists the ones there are.</exception>
    public SqlSourceOptions Find(string name) =>
        Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(Sources.Count == 0
            ? $"No source named '{name}': no sources are configured (NexGen:Sources)."
            : $"No source named '{name}'; the sources are: {string.Join(", ", Sources.Select(s => s.Name))}.", nameof(name));

    /// <summary>
    /// Loads one source. Never throws for a source that cannot be read (bad settings, no connection, a failing query,
    /// bad rows): the report says what happened and the store is unchanged unless it succeeded.
    /// </summary>
    /// <param name="full">Read every row and start the watermark over, instead of the rows above the watermark.</param>
    /// <param name="progress">Rows read so far (a source has no known total).</param>
    /// <returns>The import report: status, rows read and imported, issues by row and column, the watermark range.</returns>
    public async Task<ImportReport> LoadAsync(string name, bool full = false, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var source = Find(name);
        var displayName = $"source {source.Name}";
        var started = DateTime.UtcNow;
        var failure = "is not configured correctly";
        SourceLoad? load = null;
        ImportReport report;
        try
        {
            var provider = Validate(source);
            var connectionString = connectionStrings.Find(source.ConnectionStringName)
                ?? throw new SqlSourceException($"there is no connection string named '{source.ConnectionStringName}': set " +
                    $"ConnectionStrings:{source.ConnectionStringName} in the settings, or the environment variable {source.ConnectionStringName}.");
            var stored = full || source.Watermark is null ? null : await watermarks.FindAsync(source.Name, cancellationToken);
            var command = provider.Command(source, stored is null ? null : WatermarkValue.Parse(stored.ValueType, stored.Value));
            load = new SourceLoad(source.Name, source.Provider, stored is null, source.Watermark, stored?.Value, stored?.Value, command.Sql);

            await using var connection = provider.CreateConnection(connectionString);
            failure = $"could not connect to {connection.DataSource}";
            await connection.OpenAsync(cancellationToken);
            failure = "query failed";
            var run = new SqlImportRun(source, new ImportOptions { DefaultLocation = options.DefaultLocation, Duplicates = options.DuplicateKeys },
                displayName, progress, cancellationToken);
            ImportReport Describe(ImportReport r, (string Type, string Text)? watermark) => r with { Source = load with { To = watermark?.Text ?? load.From } };
            var definition = command.Definition(source.CommandTimeoutSeconds, cancellationToken);
            await using (var schema = await connection.ExecuteReaderAsync(definition, CommandBehavior.SchemaOnly))
                if (!run.MatchColumns(schema))
                    return await RecordUnappliedAsync(Describe(run.ColumnsRejected(), null), started);
            await using var reader = await connection.ExecuteReaderAsync(definition);
            report = await store.WriteAsync(async duck =>
            {
                using var writer = new ImportWriter(duck, CanonicalTables.For(source.Kind).Name);
                return await run.RunAsync(reader, writer, Describe, (w, watermark) =>
                {
                    if (watermark is not null || load.Full)
                        SourceWatermarks.Save(w, source.Name, watermark);
                });
            }, cancellationToken);
            if (report.Status == ImportStatus.Succeeded)
                return report;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            report = Unapplied(source, load, ImportStatus.Cancelled, $"Cancelled the load of {displayName}; nothing was changed.");
        }
        catch (StoreLockedException)
        {
            throw;
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            report = Unapplied(source, load, ImportStatus.Failed, $"The load of {displayName} failed in the store and changed nothing: {e.Message}");
        }
        catch (Exception e) when (e is SqlSourceException or DbException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            // Provider messages name the server and the error, never the password; the connection string itself is never shown.
            report = Unapplied(source, load, ImportStatus.Failed,
                $"Source {source.Name} ({source.Provider}) {failure}: {Reason(e)}. Nothing was changed.") with { Transient = TransientErrors.IsTransient(e) };
        }
        return await RecordUnappliedAsync(report, started);
    }

    /// <summary>Records a load that changed nothing in <c>imports</c>, even when the load was cancelled.</summary>
    async Task<ImportReport> RecordUnappliedAsync(ImportReport report, DateTime started)
    {
        var id = await history.RecordUnappliedAsync(ImportReports.ToAudit(report, started, DateTime.UtcNow), CancellationToken.None);
        return report with { ImportId = id };
    }

    /// <summary>
    /// The exception's message on one line (PostgreSQL adds lines such as "POSITION: 15"), with the innermost cause
    /// when it adds something (e.g. "Connection refused").
    /// </summary>
    static string Reason(Exception e)
    {
        var message = OneLine(e.Message);
        var inner = e.GetBaseException();
        // SqlClient on Linux wraps a SocketException that reports "Success": it carries no cause.
        if (ReferenceEquals(inner, e) || inner is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.Success })
            return message;
        var cause = OneLine(inner.Message);
        return message.Contains(cause, StringComparison.Ordinal) ? message : $"{message} ({cause})";
    }

    static string OneLine(string text) =>
        string.Join("; ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');

    static SqlSourceProvider Validate(SqlSourceOptions source)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(source, new ValidationContext(source), results, validateAllProperties: true))
            throw new SqlSourceException(string.Join(" ", results.Select(r => r.ErrorMessage)));
        return SqlSourceProvider.For(source.Provider);
    }

    static ImportReport Unapplied(SqlSourceOptions source, SourceLoad? load, ImportStatus status, string message) => new()
    {
        Kind = source.Kind,
        FileName = $"source {source.Name}",
        Status = status,
        Message = message,
        Source = load,
    };
}
