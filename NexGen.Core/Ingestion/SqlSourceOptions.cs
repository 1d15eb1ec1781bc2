using System.ComponentModel.DataAnnotations;

namespace NexGen.Core.Ingestion;

/// <summary>
/// One SQL source of the <c>NexGen:Sources</c> settings: where to connect, what to read, which canonical table it
/// fills and, for incremental loads, the column whose growth marks new rows.
/// </summary>
public sealed class SqlSourceOptions : IValidatableObject
{
    /// <summary>Provider name of SQL Server (Microsoft.Data.SqlClient).</summary>
    public const string SqlServer = "sqlserver";

    /// <summary>Provider name of PostgreSQL (Npgsql).</summary>
    public const string PostgreSql = "postgresql";

    /// <summary>The name commands and reports use, e.g. <c>erp-sales</c>; the key of the source's watermark.</summary>
    [Required, RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9_.-]*$", ErrorMessage = "Name must be letters, digits, '_', '.' or '-'.")]
    public string Name { get; set; } = "";

    /// <summary><c>sqlserver</c> or <c>postgresql</c>.</summary>
    [Required, AllowedValues(SqlServer, PostgreSql, ErrorMessage = "Provider must be sqlserver or postgresql.")]
    public string Provider { get; set; } = "";

    /// <summary>
    /// The name of the connection string, never the string itself: <c>ConnectionStrings:{name}</c> in the settings
    /// (or the environment variable <c>ConnectionStrings__{name}</c>), else the environment variable <c>{name}</c>.
    /// </summary>
    [Required]
    public string ConnectionStringName { get; set; } = "";

    /// <summary>The canonical table the rows go to. Default <see cref="DataKind.Sales"/>.</summary>
    [EnumDataType(typeof(DataKind))]
    public DataKind Kind { get; set; } = DataKind.Sales;

    /// <summary>A SELECT in the provider's dialect (no ORDER BY, no trailing parameters); or set <see cref="Table"/>.</summary>
    public string? Query { get; set; }

    /// <summary>A table or view, optionally with its schema (<c>dbo.DailySales</c>), read whole; or set <see cref="Query"/>.</summary>
    public string? Table { get; set; }

    /// <summary>Column of the result -> canonical column, e.g. <c>{ "StoreId": "location" }</c>; wins over the built-in aliases.</summary>
    public Dictionary<string, string> Columns { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Column of the result whose values grow with new or changed rows (a modified timestamp, the sale date, an
    /// increasing id): an incremental load reads the rows above the largest value of the previous load. Null: every
    /// load reads everything.
    /// </summary>
    public string? Watermark { get; set; }

    /// <summary>
    /// For date and time watermarks: re-read this much before the stored watermark, boundary included (late-arriving
    /// rows, rows sharing the last value), e.g. <c>1.00:00:00</c>. Null (default): only values above the watermark.
    /// </summary>
    public TimeSpan? WatermarkLookback { get; set; }

    /// <summary>Seconds the query may run before it is abandoned; 0 waits forever. Default 600.</summary>
    [Range(0, int.MaxValue)]
    public int CommandTimeoutSeconds { get; set; } = 600;

    /// <summary>The column mapping as the importer takes it.</summary>
    public ColumnMapping ToMapping() => new(Columns.ToDictionary(p => p.Key, p => p.Value.ToLowerInvariant(), StringComparer.OrdinalIgnoreCase));

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Query) == string.IsNullOrWhiteSpace(Table))
            yield return new ValidationResult("Set either Query or Table (one of them).", [nameof(Query), nameof(Table)]);
        var table = CanonicalTables.For(Kind);
        foreach (var (source, target) in Columns)
            if (table.Find(target.ToLowerInvariant()) is null)
                yield return new ValidationResult(
                    $"Columns maps '{source}' to '{target}', which is not a column of {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}).",
                    [nameof(Columns)]);
        if (WatermarkLookback is { } lookback && (lookback < TimeSpan.Zero || string.IsNullOrWhiteSpace(Watermark)))
            yield return new ValidationResult("WatermarkLookback must be zero or more, and needs a Watermark column.", [nameof(WatermarkLookback)]);
    }
}
