namespace NexGen.Core.Store;

/// <summary>A row of <c>source_watermarks</c>: the largest watermark value a SQL source's last load read.</summary>
/// <param name="ValueType">datetime, datetimeoffset, date, integer or decimal (see <see cref="Ingestion.WatermarkValue"/>).</param>
/// <param name="Value">The value as text, e.g. <c>2024-03-01T10:15:00.0000000</c>.</param>
/// <param name="ImportId">The import that read it.</param>
/// <param name="Loaded">When that load committed (UTC).</param>
public sealed record SourceWatermark(string Source, string ValueType, string Value, long ImportId, DateTime Loaded);
