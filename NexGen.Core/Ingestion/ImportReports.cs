using System.Text.Json;
using System.Text.Json.Serialization;
using NexGen.Core.Store;

namespace NexGen.Core.Ingestion;

/// <summary>Turns reports into audit rows and back.</summary>
public static class ImportReports
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static ImportAudit ToAudit(ImportReport report, DateTime started, DateTime finished) => new(
        report.ImportId ?? 0, report.Kind.ToString().ToLowerInvariant(), report.FileName, report.Sha256,
        report.RowsImported, report.WarningCount, started, finished, report.Status.ToString().ToLowerInvariant(),
        JsonSerializer.Serialize(report, Json));

    public static ImportReport? FromAudit(ImportAudit audit) => JsonSerializer.Deserialize<ImportReport>(audit.Report, Json);
}
