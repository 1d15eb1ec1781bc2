using System.Security.Cryptography;

namespace NexGen.Core.Ingestion;

/// <summary>A read-only pass-through that hashes (SHA-256) and counts the bytes read from the file.</summary>
sealed class HashingStream(Stream inner) : ReadThroughStream(inner)
{
    readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Reads what is left (so the hash covers the whole file) and returns the hash as hex.</summary>
    public string Finish()
    {
        var buffer = new byte[1 << 16];
        while (Read(buffer, 0, buffer.Length) > 0) { }
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    protected override void Passed(ReadOnlySpan<byte> bytes) => _hash.AppendData(bytes);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _hash.Dispose();
        base.Dispose(disposing);
    }
}
