using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NexGen.Tests.Samples;

/// <summary>Reads the generator's CSV files (comma-separated, no quoting, LF line endings).</summary>
public sealed record SampleCsv(string[] Header, IReadOnlyList<string[]> Rows)
{
    public static SampleCsv Read(string path)
    {
        string text = ReadText(path);
        string[] lines = text.Split('\n');
        Assert.Equal("", lines[^1]);
        return new SampleCsv(lines[0].Split(','), [.. lines[1..^1].Select(l => l.Split(','))]);
    }

    public static string ReadText(string path) => Encoding.UTF8.GetString(ReadBytes(path));

    /// <summary>The file's bytes, decompressed when it is a .gz file.</summary>
    public static byte[] ReadBytes(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(path);
        }

        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    public static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static decimal Number(string value) => decimal.Parse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
