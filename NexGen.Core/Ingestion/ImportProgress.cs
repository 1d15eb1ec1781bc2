namespace NexGen.Core.Ingestion;

/// <summary>Progress of a running import: rows read so far and bytes of the file consumed.</summary>
public sealed record ImportProgress(long Rows, long BytesRead, long TotalBytes, TimeSpan Elapsed)
{
    public double Fraction => TotalBytes <= 0 ? 0 : Math.Clamp((double)BytesRead / TotalBytes, 0, 1);

    public double RowsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Rows / Elapsed.TotalSeconds;
}
