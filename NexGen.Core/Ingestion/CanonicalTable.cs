namespace NexGen.Core.Ingestion;

/// <summary>A canonical table: its columns, key and the rules an import applies to it.</summary>
public sealed record CanonicalTable(DataKind Kind, string Name, IReadOnlyList<CanonicalColumn> Columns)
{
    public IEnumerable<CanonicalColumn> KeyColumns => Columns.Where(c => c.IsKey);

    /// <summary>Repeated keys can be summed (the table has additive measures); otherwise they are always errors.</summary>
    public bool CanSumDuplicates => Columns.Any(c => c.MergeSql is not null);

    /// <summary>
    /// A file without a location column gets the default location (sales, inventory, locations);
    /// where location is optional (promotions) an empty location means every location.
    /// </summary>
    public bool UsesDefaultLocation => Find(CanonicalTables.Location) is { Required: true };

    public CanonicalColumn? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
