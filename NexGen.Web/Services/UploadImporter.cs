using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using NexGen.Core;
using NexGen.Core.Ingestion;
using NexGen.Core.Security;
using NexGen.Web.Extensions;

namespace NexGen.Web.Services;

/// <summary>
/// Imports a file uploaded in the browser: streams it to a temporary file (the importer reads files, and the
/// circuit must not hold a whole file in memory), previews it for the mapping step, imports it off the circuit's
/// thread; the copy is deleted when its <see cref="SpooledUpload"/> is disposed.
/// </summary>
public sealed class UploadImporter(
    CsvImporter importer,
    ImportNotifier notifier,
    AuditLog audit,
    IOptions<NexGenOptions> options,
    TempFiles temp,
    ILogger<UploadImporter> logger)
{
    const int BufferSize = 256 * 1024;

    /// <summary>Largest accepted upload, in bytes (<c>NexGen:MaxUploadBytes</c>).</summary>
    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    /// <summary>The import choices of the settings (default location, repeated keys); a page changes them per file.</summary>
    public ImportOptions DefaultOptions => options.Value.ToImportOptions();

    /// <summary>
    /// Uploads and imports <paramref name="file"/> into the table of <paramref name="kind"/> on behalf of
    /// <paramref name="actor"/> (recorded in the audit log). Throws
    /// <see cref="UploadTooLargeException"/> for a file over the limit and <see cref="OperationCanceledException"/>
    /// when cancelled during the upload; a cancelled import returns a <see cref="ImportStatus.Cancelled"/> report.
    /// </summary>
    public async Task<ImportReport> ImportAsync(DataKind kind, IBrowserFile file, string actor, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        using var upload = await SpoolAsync(file, progress, cancellationToken);
        return await ImportAsync(upload, kind, mapping: null, DefaultOptions, actor, progress, cancellationToken);
    }

    /// <summary>
    /// Copies <paramref name="file"/> to a temporary file (deleted when the result is disposed, or here when the copy
    /// fails or is cancelled), reporting <see cref="UploadStage.Uploading"/> progress. Throws
    /// <see cref="UploadTooLargeException"/> for a file over the limit, before any byte is read.
    /// </summary>
    public async Task<SpooledUpload> SpoolAsync(IBrowserFile file, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        if (file.Size > MaxUploadBytes)
            throw new UploadTooLargeException(file.Name, file.Size, MaxUploadBytes);
        var upload = new SpooledUpload(temp.NewPath("upload", "tmp"), file.Name, file.Size, logger);
        try
        {
            await SpoolAsync(file, upload.Path, progress, cancellationToken);
            return upload;
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The mapping step's preview of a spooled file as <paramref name="kind"/> with <paramref name="mapping"/> and
    /// <paramref name="dateOrder"/> (Core's <see cref="CsvPreviewer"/>, run off the caller's thread). Throws
    /// <see cref="InvalidDataException"/> for a file without a header line.
    /// </summary>
    public Task<CsvPreview> PreviewAsync(SpooledUpload upload, DataKind kind, ColumnMapping? mapping, DateOrder dateOrder, CancellationToken cancellationToken) =>
        Task.Run(() => CsvPreviewer.Preview(kind, upload.Path, mapping, dateOrder, upload.FileName, options.Value.DefaultLocation,
            cancellationToken: cancellationToken), cancellationToken);

    /// <summary>
    /// Imports a spooled file into the table of <paramref name="kind"/> with an explicit mapping and import options,
    /// off the caller's thread, and tells every open page (<see cref="ImportNotifier"/>). The spool is kept: a rejected
    /// file can be imported again with another mapping. A cancelled import returns a <see cref="ImportStatus.Cancelled"/> report.
    /// The import is recorded in the audit log as done by <paramref name="actor"/>.
    /// </summary>
    public async Task<ImportReport> ImportAsync(SpooledUpload upload, DataKind kind, ColumnMapping? mapping, ImportOptions importOptions,
        string actor, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        var request = new ImportRequest(kind, upload.Path, mapping, importOptions, upload.FileName);
        var importProgress = new CallbackProgress<ImportProgress>(p =>
            progress?.Report(new UploadProgress(UploadStage.Importing, p.BytesRead, p.TotalBytes, p.Rows)));
        progress?.Report(new UploadProgress(UploadStage.Importing, 0, upload.Size, 0));
        // The import parses and writes for as long as the file takes: keep it off the circuit's thread.
        var report = await Task.Run(() => importer.ImportAsync(request, importProgress, cancellationToken), CancellationToken.None);
        logger.LogInformation("Upload {File} ({Bytes} bytes) imported as {Kind}: {Status}, {Rows} rows",
            upload.FileName, upload.Size, kind, report.Status, report.RowsImported);
        await audit.RecordAsync(actor, "import", $"import {report.ImportId}",
            $"{report.Kind} {report.FileName}: {report.Status}, {report.RowsImported} rows", CancellationToken.None);
        notifier.NotifyImportFinished();
        return report;
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
}
