namespace NexGen.Core.Ingestion;

/// <summary>How a SQL source was read: the part of an <see cref="ImportReport"/> that only a source load has.</summary>
/// <param name="Source">The source's name in the settings.</param>
/// <param name="Provider"><c>sqlserver</c> or <c>postgresql</c>.</param>
/// <param name="Full">Every row was read (first load, <c>--full</c>, or a source without a watermark).</param>
/// <param name="WatermarkColumn">The watermark column; null when the source has none.</param>
/// <param name="From">The stored watermark the load read from (exclusive, or minus the lookback inclusive); null on a full load.</param>
/// <param name="To">The watermark after the load: the largest value read, else <paramref name="From"/>.</param>
/// <param name="Sql">The SQL sent, with <c>@since</c> = <paramref name="From"/> (less the lookback) on an incremental load.</param>
public sealed record SourceLoad(string Source, string Provider, bool Full, string? WatermarkColumn, string? From, string? To, string Sql);
