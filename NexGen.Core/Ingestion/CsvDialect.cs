namespace NexGen.Core.Ingestion;

/// <summary>What was detected about a file's text: compression, encoding, separator and line endings.</summary>
public sealed record CsvDialect(bool Gzip, string Encoding, char Delimiter, string LineEnding)
{
    public string DelimiterName => Delimiter switch
    {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        '|' => "pipe",
        _ => $"'{Delimiter}'",
    };
}
