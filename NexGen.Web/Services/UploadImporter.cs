using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using NexGen.Core;
using NexGen.Core.Ingestion;
using NexGen.Core.Security;
using NexGen.Web.Extensions;

namespace NexGen.Web.Services;

/// <summary>
/// Imports a file uploaded in the browser: streams it to a temporary file (the importer reads files, and the
/// circuit must not hold a whole file in memory), imports it off the circuit's thread, then deletes the copy.
/// </summary>
public sealed class UploadImporter(
    CsvImporter importer,
    ImportNotifier notifier,
    AuditLog audit,
    IOptions<NexGenOptions> options,
    ILogger<UploadImporter> logger)
{
    const int BufferSize = 256 * 1024;

    /// <summary>Largest accepted upload, in bytes (<c>NexGen:MaxUploadBytes</c>).</summary>
    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    /// <summary>
    /// Uploads and imports <paramref name="file"/> into the table of <paramref name="kind"/> on behalf of
    /// <paramref name="actor"/> (recorded in the audit log). Throws
    /// <see cref="UploadTooLargeException"/> for a file over the limit and <see cref="OperationCanceledException"/>
    /// when cancelled during the upload; a cancelled import returns a <see cref="ImportStatus.Cancelled"/> report.
    /// </summary>
    public async Task<ImportReport> ImportAsync(DataKind kind, IBrowserFile file, string actor, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        if (file.Size > MaxUploadBytes)
            throw new UploadTooLargeException(file.Name, file.Size, MaxUploadBytes);

        var spool = Path.Combine(Path.GetTempPath(), $"nexgen-upload-{Guid.NewGuid():N}.tmp");
        try
        {
            await SpoolAsync(file, spool, progress, cancellationToken);
            var request = new ImportRequest(kind, spool, Options: options.Value.ToImportOptions(), FileName: file.Name);
            var importProgress = new CallbackProgress<ImportProgress>(p =>
                progress?.Report(new UploadProgress(UploadStage.Importing, p.BytesRead, p.TotalBytes, p.Rows)));
            // The import parses and writes for as long as the file takes: keep it off the circuit's thread.
            var report = await Task.Run(() => importer.ImportAsync(request, importProgress, cancellationToken), CancellationToken.None);
            logger.LogInformation("Upload {File} ({Bytes} bytes) imported as {Kind}: {Status}, {Rows} rows",
                file.Name, file.Size, kind, report.Status, report.RowsImported);
            await audit.RecordAsync(actor, "import", $"import {report.ImportId}",
                $"{report.Kind} {report.FileName}: {report.Status}, {report.RowsImported} rows", CancellationToken.None);
            notifier.NotifyImportFinished();
            return report;
        }
        finally
        {
            TryDelete(spool);
        }
    }

    async Task SpoolAsync(IBrowserFile file, string path, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        await using var source = file.OpenReadStream(MaxUploadBytes, cancellationToken);
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        var buffer = new byte[BufferSize];
        long total = 0;
        progress?.Report(new UploadProgress(UploadStage.Uploading, 0, file.Size, 0));
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
            progress?.Report(new UploadProgress(UploadStage.Uploading, total, file.Size, 0));
        }
    }

    void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not delete the upload spool file {Path}", path);
        }
    }
}
