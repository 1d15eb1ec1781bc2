namespace NexGen.Core.Ingestion;

/// <summary>A file to import into the canonical table of <paramref name="Kind"/>.</summary>
/// <param name="FilePath">Where the file is on disk (uploads are spooled to a temporary file first).</param>
/// <param name="FileName">The name shown in reports and the import history; defaults to the file's name.</param>
public sealed record ImportRequest(DataKind Kind, string FilePath, ColumnMapping? Mapping = null, ImportOptions? Options = null, string? FileName = null)
{
    public string DisplayName => FileName ?? Path.GetFileName(FilePath);
}
