using Dapper;
using NexGen.Core.Ingestion;
using NexGen.Core.Store;

namespace NexGen.Core.Catalog;

/// <summary>Reads a <see cref="ProductDetail"/>: the series' facts, its sales history, its latest forecast and backtests.</summary>
public sealed class ProductDetailReader(DuckDbStore store, RunStore runs)
{
    /// <summary>The detail of one location x SKU; null when the store has neither sales nor a product row for it.</summary>
    public async Task<ProductDetail?> ReadAsync(string location, string sku, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(sku);
        using var held = store.HoldOpen();
        ProductFacts facts;
        List<SalesPoint> history;
        SalesGrain? grain;
        using (var connection = store.Open())
        {
            var parameters = new { location, sku };
            history = (await connection.QueryAsync<SalesPoint>(new CommandDefinition(
                "SELECT date, quantity FROM sales WHERE location = $location AND sku = $sku ORDER BY date",
                parameters, cancellationToken: cancellationToken))).AsList();
            var product = await connection.QuerySingleOrDefaultAsync<ProductFacts>(new CommandDefinition("""
                SELECT $location AS Location, sku, name, category, unit_cost AS UnitCost, unit_price AS UnitPrice,
                       pack_size AS PackSize, min_order_qty AS MinOrderQuantity, max_order_qty AS MaxOrderQuantity,
                       lead_time_days AS LeadTimeDays, supplier,
                       NULL::DOUBLE AS OnHand, NULL::DOUBLE AS OnOrder, NULL::DATE AS InventoryAsOf
                FROM products WHERE sku = $sku
                """, parameters, cancellationToken: cancellationToken));
            if (product is null && history.Count == 0)
                return null;
            var stock = await connection.QuerySingleOrDefaultAsync<(double? OnHand, double? OnOrder, DateOnly? AsOf)>(new CommandDefinition("""
                SELECT on_hand, on_order, as_of FROM inventory WHERE location = $location AND sku = $sku
                ORDER BY as_of DESC LIMIT 1
                """, parameters, cancellationToken: cancellationToken));
            facts = (product ?? new ProductFacts(location, sku, null, null, null, null, null, null, null, null, null, null, null, null))
                with { OnHand = stock.OnHand, OnOrder = stock.OnOrder, InventoryAsOf = stock.AsOf };
            grain = SalesGrain.Parse(await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT value FROM dataset WHERE key = $key", new { key = SalesGrain.DatasetKey }, cancellationToken: cancellationToken)));
        }

        var run = await runs.LatestSucceededAsync("forecast", cancellationToken);
        if (run is null)
            return new ProductDetail(facts, grain, history, null, [], [], null, []);
        var forecast = await runs.ForecastsAsync(run.Id, location, sku, cancellationToken: cancellationToken);
        var explanations = await runs.ExplanationsAsync(run.Id, location, sku, cancellationToken);
        var (backtestRun, backtests) = await runs.LatestBacktestsAsync(location, sku, cancellationToken);
        return new ProductDetail(facts, grain, history, run, forecast, explanations, backtestRun, backtests);
    }
}
