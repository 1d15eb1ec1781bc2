namespace NexGen.Core.Ingestion;

/// <summary>
/// Imports a folder of canonical CSV files named after their kind (<c>locations.csv</c>, <c>products.csv</c>,
/// <c>sales.csv</c> or <c>sales.csv.gz</c>, <c>inventory.csv</c>, <c>promotions.csv</c>, <c>events.csv</c>,
/// <c>exogenous.csv</c>), in that order.
/// This is how the app loads <c>samples/</c> on first start.
/// </summary>
public sealed class FolderImporter(CsvImporter importer)
{
    static readonly DataKind[] Order =
        [DataKind.Locations, DataKind.Products, DataKind.Sales, DataKind.Inventory, DataKind.Promotions, DataKind.Events, DataKind.Exogenous];

    /// <summary>The files of <paramref name="folder"/> that would be imported, in order.</summary>
    public static IReadOnlyList<(DataKind Kind, string Path)> FilesIn(string folder) =>
        Order.Select(kind => (kind, Path: Find(folder, kind))).Where(f => f.Path is not null).Select(f => (f.kind, f.Path!)).ToList();

    /// <summary>Imports every file found; stops at the first one that is not imported and returns the reports so far.</summary>
    public async Task<IReadOnlyList<ImportReport>> ImportAsync(string folder, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        var reports = new List<ImportReport>();
        foreach (var (kind, path) in FilesIn(folder))
        {
            var report = await importer.ImportAsync(new ImportRequest(kind, path, Options: options), cancellationToken: cancellationToken);
            reports.Add(report);
            if (report.Status != ImportStatus.Succeeded)
                break;
        }
        return reports;
    }

    static string? Find(string folder, DataKind kind)
    {
        var name = kind.ToString().ToLowerInvariant();
        return new[] { $"{name}.csv", $"{name}.csv.gz" }.Select(f => Path.Combine(folder, f)).FirstOrDefault(File.Exists);
    }
}
