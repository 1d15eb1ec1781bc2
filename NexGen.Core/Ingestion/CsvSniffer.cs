using System.IO.Compression;
using System.Text;
using CsvHelper;

namespace NexGen.Core.Ingestion;

/// <summary>
/// Looks at the start of a file to decide how to read it: gzip or plain, the text encoding
/// (UTF-8 with or without BOM, UTF-16 with or without BOM, else Latin-1), the separator and the line ending.
/// </summary>
public static class CsvSniffer
{
    const int SampleBytes = 64 * 1024;

    public static CsvDialect Sniff(string path)
    {
        using var file = File.OpenRead(path);
        var gzip = IsGzip(file);
        using var content = gzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        var sample = ReadSample(content);
        var encoding = DetectEncoding(sample);
        var text = encoding.GetString(sample.AsSpan(PreambleLength(sample, encoding)));
        return new CsvDialect(gzip, encoding.WebName, DetectSeparator(text), DetectLineEnding(text));
    }

    /// <summary>Opens the file's content for reading: decompressed when it is gzip.</summary>
    internal static Stream OpenContent(Stream file) =>
        IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : file;

    internal static Encoding EncodingOf(CsvDialect dialect) => dialect.Encoding switch
    {
        "utf-16" => Encoding.Unicode,
        "utf-16BE" => Encoding.BigEndianUnicode,
        "iso-8859-1" => Encoding.Latin1,
        _ => new UTF8Encoding(false),
    };

    static bool IsGzip(Stream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    static byte[] ReadSample(Stream content)
    {
        var buffer = new byte[SampleBytes];
        var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }

    static Encoding DetectEncoding(byte[] sample)
    {
        if (sample is [0xEF, 0xBB, 0xBF, ..])
            return new UTF8Encoding(false);
        if (sample is [0xFF, 0xFE, ..])
            return Encoding.Unicode;
        if (sample is [0xFE, 0xFF, ..])
            return Encoding.BigEndianUnicode;
        // UTF-16 without a BOM: ASCII text leaves every other byte zero.
        var evenZeros = 0;
        var oddZeros = 0;
        for (var i = 0; i < sample.Length; i++)
            if (sample[i] == 0) { if (i % 2 == 0) evenZeros++; else oddZeros++; }
        if (oddZeros > sample.Length / 4 && evenZeros == 0)
            return Encoding.Unicode;
        if (evenZeros > sample.Length / 4 && oddZeros == 0)
            return Encoding.BigEndianUnicode;
        return IsUtf8(sample) ? new UTF8Encoding(false) : Encoding.Latin1;
    }

    /// <summary>Valid UTF-8, allowing a sequence cut at the end of the sample.</summary>
    static bool IsUtf8(ReadOnlySpan<byte> sample)
    {
        for (var cut = 0; cut < 4 && cut <= sample.Length; cut++)
            if (System.Text.Unicode.Utf8.IsValid(sample[..^cut]))
                return true;
        return false;
    }

    static int PreambleLength(byte[] sample, Encoding encoding)
    {
        var preamble = encoding.Preamble;
        if (encoding is UTF8Encoding && sample is [0xEF, 0xBB, 0xBF, ..])
            return 3;
        return preamble.Length > 0 && sample.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
    }

    /// <summary>CsvHelper's own detection (among , ; tab |), run on the sample.</summary>
    static char DetectSeparator(string text)
    {
        using var reader = CsvReader.FromText(text, new CsvReaderOptions { Separator = null });
        reader.ReadHeader();
        return reader.Separator;
    }

    static string DetectLineEnding(string text)
    {
        var crlf = text.IndexOf("\r\n", StringComparison.Ordinal);
        var lf = text.IndexOf('\n');
        var cr = text.IndexOf('\r');
        if (crlf >= 0 && crlf == cr)
            return "CRLF";
        if (cr >= 0 && (lf < 0 || cr < lf))
            return "CR";
        return "LF";
    }
}
