using NexGen.Core.Store;

namespace NexGen.Core.Ingestion;

/// <summary>
/// Imports a CSV file (plain or gzip) into its canonical table, all or nothing, and records every attempt in
/// the <c>imports</c> table. Long imports report progress and can be cancelled; either leaves the store as it was.
/// </summary>
public sealed class CsvImporter(DuckDbStore store, ImportHistory history)
{
    public async Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        ImportReport report;
        try
        {
            if (!File.Exists(request.FilePath))
                throw new FileNotFoundException($"No file at {request.FilePath}.", request.FilePath);
            report = await Task.Run(() => store.WriteAsync(connection =>
            {
                var run = new CsvImportRun(request, progress, cancellationToken);
                using var writer = new ImportWriter(connection, CanonicalTables.For(request.Kind).Name);
                return Task.FromResult(run.Run(writer));
            }, cancellationToken), cancellationToken);
            if (report.Status == ImportStatus.Succeeded)
                return report;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            report = Unapplied(request, ImportStatus.Cancelled, $"Cancelled the import of {request.DisplayName}; nothing was changed.");
        }
        catch (StoreLockedException)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException or CsvHelper.CsvFormatException or InvalidDataException)
        {
            report = Unapplied(request, ImportStatus.Failed, $"The import of {request.DisplayName} failed and changed nothing: {e.Message}");
        }
        var id = await history.RecordUnappliedAsync(ImportReports.ToAudit(report, started, DateTime.UtcNow), CancellationToken.None);
        return report with { ImportId = id };
    }

    static ImportReport Unapplied(ImportRequest request, ImportStatus status, string message) => new()
    {
        Kind = request.Kind,
        FileName = request.DisplayName,
        Status = status,
        Message = message,
    };
}
