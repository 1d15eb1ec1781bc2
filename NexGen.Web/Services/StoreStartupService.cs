using Microsoft.Extensions.Options;
using NexGen.Core;
using NexGen.Core.Ingestion;
using NexGen.Core.Store;
using NexGen.Web.Extensions;

namespace NexGen.Web.Services;

/// <summary>
/// Creates or upgrades the store before the app serves its first page and, on an empty store, loads the sample
/// files so that a first look at the app has data. Runs before Kestrel listens, so pages never see a half-made store.
/// Runs that a process which has since ended left "running" are marked failed ("interrupted") here, before any new run
/// can start (a CLI run still going is left alone: <see cref="RunStore.MarkInterruptedAsync"/>), and the temporary
/// files an earlier process left (<see cref="TempFiles"/>) are deleted.
/// </summary>
public sealed class StoreStartupService(
    DuckDbStore store,
    StoreInfoReader storeInfo,
    RunStore runs,
    FolderImporter folderImporter,
    TempFiles temp,
    IOptions<NexGenOptions> options,
    ILogger<StoreStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = await store.InitializeAsync(cancellationToken);
        logger.LogInformation("Store {Path} is ready (schema version {Version})", store.Path, version);
        var interrupted = await runs.MarkInterruptedAsync(cancellationToken);
        if (interrupted > 0)
            logger.LogWarning("{Count} run(s) left running by a process that has ended are now failed (interrupted)", interrupted);
        if (temp.DeleteLeftovers() is > 0 and var leftovers)
            logger.LogWarning("Deleted {Count} temporary file(s) an earlier process left in {Folder}", leftovers, temp.Folder);

        var settings = options.Value;
        if (!settings.LoadSamplesOnFirstStart)
            return;
        var info = await storeInfo.ReadAsync(0, cancellationToken);
        if (!info.IsEmpty)
            return;
        var folder = NexGenPaths.Resolve(settings.SamplesPath);
        if (!Directory.Exists(folder) || FolderImporter.FilesIn(folder).Count == 0)
        {
            logger.LogWarning("The store is empty and {Folder} has no sample files; upload sales to start", folder);
            return;
        }

        logger.LogInformation("The store is empty: loading the samples of {Folder}", folder);
        var reports = await folderImporter.ImportAsync(folder, settings.ToImportOptions(), cancellationToken);
        foreach (var report in reports)
        {
            if (report.Status == ImportStatus.Succeeded)
                logger.LogInformation("Loaded {Rows} {Kind} rows from {File}", report.RowsImported, report.Kind, report.FileName);
            else
                logger.LogWarning("Sample {File} was not loaded ({Status}): {Message}", report.FileName, report.Status, report.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
