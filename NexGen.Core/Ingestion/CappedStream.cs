namespace NexGen.Core.Ingestion;

/// <summary>
/// Reads another stream and fails with <see cref="InvalidDataException"/> (saying <paramref name="message"/>) once more
/// than <paramref name="limit"/> bytes came out of it: a gzip bomb stops at the cap, not after filling the disk or
/// the memory.
/// </summary>
sealed class CappedStream(Stream inner, long limit, string message) : ReadThroughStream(inner)
{
    protected override void Passed(ReadOnlySpan<byte> bytes)
    {
        if (BytesRead > limit)
            throw new InvalidDataException(message);
    }
}
