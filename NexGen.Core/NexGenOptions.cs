using System.ComponentModel.DataAnnotations;
using NexGen.Core.Ingestion;

namespace NexGen.Core;

/// <summary>Settings of the <c>NexGen</c> section, shared by the web app and the CLI.</summary>
public sealed class NexGenOptions : IValidatableObject
{
    public const string SectionName = "NexGen";

    /// <summary>Path of the DuckDB store file, relative to the working directory. Default <c>data/nexgen.duckdb</c>.</summary>
    [Required]
    public string StorePath { get; set; } = "data/nexgen.duckdb";

    /// <summary>Load the CSV files of <see cref="SamplesPath"/> when the app starts on an empty store.</summary>
    public bool LoadSamplesOnFirstStart { get; set; } = true;

    /// <summary>Folder of the sample CSV files loaded on first start.</summary>
    public string SamplesPath { get; set; } = "samples";

    /// <summary>Largest accepted upload, in bytes. Default 512 MiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    public const int DefaultMaxRecordBytes = 1 << 20;
    public const int DefaultMaxColumns = 1_000;
    public const long DefaultMaxDecompressedBytes = 2L << 30;

    /// <summary>Longest record (row or header) of an imported file, in bytes. Default 1 MiB.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxRecordBytes { get; set; } = DefaultMaxRecordBytes;

    /// <summary>Most columns an imported file may have. Default 1,000.</summary>
    [Range(1, 100_000)]
    public int MaxColumns { get; set; } = DefaultMaxColumns;

    /// <summary>Most bytes a gzip upload may decompress to. Default 2 GiB (4 x the default upload limit).</summary>
    [Range(1, long.MaxValue)]
    public long MaxDecompressedBytes { get; set; } = DefaultMaxDecompressedBytes;

    /// <summary>Location given to rows of files that have no location column.</summary>
    [Required, RegularExpression(@"^\S.*$", ErrorMessage = "DefaultLocation must not be empty or start with a space.")]
    public string DefaultLocation { get; set; } = DefaultLocationName;

    /// <summary>What an import does with repeated keys in one file: sum the measures, or reject the file.</summary>
    public DuplicateKeyPolicy DuplicateKeys { get; set; } = DuplicateKeyPolicy.Sum;

    /// <summary>DuckDB memory limit, e.g. <c>1GB</c>; large imports spill to disk beyond it.</summary>
    [Required, RegularExpression(@"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", ErrorMessage = "StoreMemoryLimit must look like 1GB or 512MB.")]
    public string StoreMemoryLimit { get; set; } = "1GB";

    /// <summary>
    /// Seconds the app keeps the store file open after its last read or write, so a page's reads open it once
    /// (0: open it for each operation only). The CLI can write the store once the app has been idle this long.
    /// </summary>
    [Range(0, 60)]
    public double StoreKeepOpenSeconds { get; set; } = 2;

    /// <summary>SQL databases that sales, products, inventory (or any other kind) are loaded from. Default none.</summary>
    public List<SqlSourceOptions> Sources { get; set; } = [];

    public const string DefaultLocationName = "main";

    /// <inheritdoc />
    /// <remarks>DataAnnotations does not descend into lists, so each source is validated here; names must be unique.</remarks>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Sources.Count; i++)
        {
            var prefix = $"{nameof(Sources)}[{i}]";
            var source = Sources[i];
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(source, new ValidationContext(source), results, validateAllProperties: true);
            if (!names.Add(source.Name))
                results.Add(new ValidationResult($"another source is already named '{source.Name}'.", [nameof(source.Name)]));
            foreach (var r in results)
                yield return new ValidationResult($"{prefix} ('{source.Name}'): {r.ErrorMessage}", r.MemberNames.Select(m => $"{prefix}.{m}").ToArray());
        }
    }
}
