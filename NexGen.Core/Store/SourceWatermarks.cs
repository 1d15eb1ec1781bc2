using Dapper;

namespace NexGen.Core.Store;

/// <summary>Reads and writes <c>source_watermarks</c>; a watermark is written in the transaction of the rows it covers.</summary>
public sealed class SourceWatermarks(DuckDbStore store)
{
    const string Columns = "source, value_type AS ValueType, value, import_id AS ImportId, loaded";

    /// <summary>The watermark of a source; null before its first load (or after a full load that read nothing).</summary>
    public async Task<SourceWatermark?> FindAsync(string source, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        return await connection.QuerySingleOrDefaultAsync<SourceWatermark>(new CommandDefinition(
            $"SELECT {Columns} FROM source_watermarks WHERE source = $source", new { source }, cancellationToken: cancellationToken));
    }

    /// <summary>Every stored watermark, by source name.</summary>
    public async Task<IReadOnlyList<SourceWatermark>> AllAsync(CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = await connection.QueryAsync<SourceWatermark>(new CommandDefinition(
            $"SELECT {Columns} FROM source_watermarks ORDER BY source", cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Sets (or, with a null value, removes) a source's watermark inside <paramref name="writer"/>'s transaction.</summary>
    public static void Save(ImportWriter writer, string source, (string Type, string Text)? value)
    {
        if (value is not { } v)
        {
            writer.Execute("DELETE FROM source_watermarks WHERE source = $source", new { source });
            return;
        }
        writer.Execute("INSERT OR REPLACE INTO source_watermarks VALUES ($source, $type, $text, $id, $loaded)",
            new { source, type = v.Type, text = v.Text, id = writer.ImportId, loaded = DateTime.UtcNow });
    }
}
