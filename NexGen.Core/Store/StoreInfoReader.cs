using Dapper;

namespace NexGen.Core.Store;

/// <summary>
/// Reads a <see cref="StoreInfo"/> summary of the store. The sales part (dates, locations, SKUs, series) scans every
/// sale, about a second at M5 scale (59 M rows), and only an import changes it: it is kept for the latest succeeded
/// import and read again after the next one.
/// </summary>
public sealed class StoreInfoReader(DuckDbStore store, ImportHistory history)
{
    static readonly string[] Tables = ["sales", "products", "inventory", "promotions", "events", "locations", "exogenous"];

    /// <summary>The sales summary and the import it was read at (replaced whole, so readers on other threads see one or the other).</summary>
    volatile KeptSummary? _kept;

    public async Task<StoreInfo> ReadAsync(int recentImports = 10, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var counts = await CountRowsAsync(connection, cancellationToken);
        var import = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT max(id) FROM imports WHERE status = 'succeeded'", cancellationToken: cancellationToken));
        if (_kept is not { } kept || kept.Import != import)
        {
            kept = new KeptSummary(import, await connection.QuerySingleAsync<SalesSummary>(new CommandDefinition("""
                SELECT min(date) AS FirstDate, max(date) AS LastDate,
                       count(DISTINCT location) AS Locations, count(DISTINCT sku) AS Skus,
                       (SELECT count(*) FROM (SELECT DISTINCT location, sku FROM sales)) AS Series
                FROM sales
                """, cancellationToken: cancellationToken)));
            _kept = kept;
        }
        var sales = kept.Sales;
        var grain = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM dataset WHERE key = 'sales_grain'", cancellationToken: cancellationToken));
        var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT max(version) FROM schema_version", cancellationToken: cancellationToken));
        var recent = await history.RecentAsync(recentImports, cancellationToken);
        return new StoreInfo(store.Path, version, counts,
            sales.FirstDate, sales.LastDate,
            sales.Locations, sales.Skus, sales.Series, grain, recent);
    }

    /// <summary>The sales table's grain as the last sales import detected it; null before any sales.</summary>
    public async Task<Ingestion.SalesGrain?> GrainAsync(CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        return Ingestion.SalesGrain.Parse(await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            $"SELECT value FROM dataset WHERE key = '{Ingestion.SalesGrain.DatasetKey}'", cancellationToken: cancellationToken)));
    }

    static async Task<Dictionary<string, long>> CountRowsAsync(System.Data.IDbConnection connection, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
            counts[table] = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM {table}", cancellationToken: cancellationToken));
        return counts;
    }

    sealed record SalesSummary(DateOnly? FirstDate, DateOnly? LastDate, long Locations, long Skus, long Series);

    sealed record KeptSummary(long? Import, SalesSummary Sales);
}
