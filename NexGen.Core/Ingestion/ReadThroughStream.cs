namespace NexGen.Core.Ingestion;

/// <summary>
/// A read-only pass-through over another stream that counts the bytes read and shows each read to
/// <see cref="Passed"/>; it owns the inner stream.
/// </summary>
abstract class ReadThroughStream(Stream inner) : Stream
{
    public long BytesRead { get; private set; }

    /// <summary>Sees the bytes of one read, after <see cref="BytesRead"/> counts them.</summary>
    protected abstract void Passed(ReadOnlySpan<byte> bytes);

    public sealed override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public sealed override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        BytesRead += read;
        Passed(buffer[..read]);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
