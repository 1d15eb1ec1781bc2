using System.Data.Common;
using Dapper;
using NexGen.Core.Ingestion;
using NexGen.Core.Store;

namespace NexGen.Core.Replenishment;

/// <summary>
/// Reads what replenishment needs from the store, as of one date, for every series of one forecast run:
/// <list type="bullet">
/// <item>inventory: the latest snapshot at or before the as-of date (the latest import wins among equal dates);</item>
/// <item>open orders: the snapshot's on_order plus purchase-order lines approved or exported whose approval date is on
/// or after the snapshot's date (a snapshot dated D is taken as the stock at the start of D, so it cannot know orders
/// approved on D or later; lines approved earlier are assumed to be in its on_order or already received);</item>
/// <item>history: sales value, mean and standard deviation of sales per period over the year up to the as-of date
/// (from the series' first sale when later; periods without a row count as 0), and the last sale;</item>
/// <item>forecast: the run's periods after the as-of date, each series' scale and the run's error profile.</item>
/// </list>
/// </summary>
public sealed class ReplenishmentDataLoader(DuckDbStore store)
{
    /// <summary>Days of history behind ABC and XYZ ("sales value over the last year").</summary>
    const int HistoryDays = 365;

    /// <summary>The latest inventory snapshot date in the store, or null when it has no inventory.</summary>
    public async Task<DateOnly?> LatestInventoryDateAsync(CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        return await connection.ExecuteScalarAsync<DateOnly?>(new CommandDefinition(
            "SELECT max(as_of) FROM inventory", cancellationToken: cancellationToken));
    }

    /// <summary>Reads every series of forecast run <paramref name="forecastRunId"/> as of <paramref name="asOf"/>.</summary>
    /// <exception cref="InvalidOperationException">The store has no sales grain (no sales imported).</exception>
    public async Task<ReplenishmentData> LoadAsync(long forecastRunId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var grain = SalesGrain.Parse(await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT value FROM dataset WHERE key = $key", new { key = SalesGrain.DatasetKey }, cancellationToken: cancellationToken)))
            ?? throw new InvalidOperationException("The store has no sales with a known grain; import sales first.");
        var periodDays = grain.Days;
        var historyStart = asOf.AddDays(-HistoryDays);

        var facts = (await connection.QueryAsync<Facts>(new CommandDefinition("""
            WITH series AS (SELECT DISTINCT location, sku FROM forecasts WHERE run_id = $forecastRunId),
            inv AS (
                SELECT location, sku, as_of, on_hand, coalesce(on_order, 0) AS on_order FROM inventory
                WHERE as_of <= $asOf
                QUALIFY row_number() OVER (PARTITION BY location, sku ORDER BY as_of DESC, import_id DESC) = 1),
            po AS (
                SELECT l.location, l.sku, sum(l.quantity) AS open_po
                FROM purchase_order_lines l JOIN inv USING (location, sku)
                WHERE l.status IN ('approved', 'exported') AND CAST(l.approved AS DATE) >= inv.as_of
                GROUP BY l.location, l.sku),
            hist AS (
                SELECT location, sku,
                       sum(quantity) FILTER (WHERE date > $historyStart) AS quantity,
                       sum(quantity * quantity) FILTER (WHERE date > $historyStart) AS squares,
                       sum(quantity * price) FILTER (WHERE date > $historyStart AND price IS NOT NULL) AS priced_value,
                       sum(quantity) FILTER (WHERE date > $historyStart AND price IS NULL) AS unpriced,
                       min(date) FILTER (WHERE quantity <> 0) AS first_sale,
                       max(date) FILTER (WHERE quantity > 0) AS last_sale
                FROM sales WHERE date <= $asOf
                GROUP BY location, sku)
            SELECT series.location AS Location, series.sku AS Sku, p.category AS Category, p.supplier AS Supplier,
                   p.unit_cost AS UnitCost, p.unit_price AS UnitPrice, p.pack_size AS PackSize, p.min_order_qty AS MinOrderQty,
                   p.max_order_qty AS MaxOrderQty, p.lead_time_days AS LeadTimeDays,
                   inv.as_of AS InventoryAsOf, inv.on_hand AS OnHand, coalesce(inv.on_order, 0) AS OnOrder,
                   CAST(coalesce(po.open_po, 0) AS DOUBLE) AS OpenPo, coalesce(hist.quantity, 0) AS Quantity, coalesce(hist.squares, 0) AS Squares,
                   coalesce(hist.priced_value, 0) AS PricedValue, coalesce(hist.unpriced, 0) AS Unpriced,
                   hist.first_sale AS FirstSale, hist.last_sale AS LastSale, sc.scale AS Scale, sc.error_scale AS ErrorScale
            FROM series
            LEFT JOIN products p USING (sku)
            LEFT JOIN inv USING (location, sku)
            LEFT JOIN po USING (location, sku)
            LEFT JOIN hist USING (location, sku)
            LEFT JOIN (SELECT location, sku, scale, error_scale FROM forecast_scales WHERE run_id = $forecastRunId) sc USING (location, sku)
            ORDER BY series.location, series.sku
            """, new { forecastRunId, asOf, historyStart }, cancellationToken: cancellationToken))).AsList();

        var forecasts = await ForecastsAsync(connection, forecastRunId, asOf, facts.Count, cancellationToken);
        var series = new SeriesData[facts.Count];
        for (var i = 0; i < facts.Count; i++)
        {
            var f = facts[i];
            var key = (f.Location, f.Sku);
            var forecast = forecasts.GetValueOrDefault(key) ?? new ForecastColumns();
            // Periods from the later of the first sale and the start of the year, to the as-of date.
            var from = f.FirstSale is { } first && first > historyStart ? first : historyStart.AddDays(1);
            var periods = f.FirstSale is null || from > asOf ? 0 : (asOf.DayNumber - from.DayNumber) / periodDays + 1;
            var mean = periods > 0 ? f.Quantity / periods : 0;
            series[i] = new SeriesData
            {
                Location = f.Location,
                Sku = f.Sku,
                Product = new ProductParameters(f.Sku, f.Category, f.PackSize, f.MinOrderQty, f.MaxOrderQty, f.LeadTimeDays),
                Supplier = f.Supplier,
                UnitCost = f.UnitCost,
                InventoryAsOf = f.InventoryAsOf,
                OnHand = f.OnHand,
                OnOrder = f.OnOrder,
                OpenPurchaseOrders = f.OpenPo,
                SalesValue = f.PricedValue + f.Unpriced * (f.UnitPrice ?? f.UnitCost ?? 1),
                DemandMean = mean,
                DemandSd = periods > 0 ? Math.Sqrt(Math.Max(0, f.Squares / periods - mean * mean)) : 0,
                LastSale = f.LastSale,
                Scale = f.Scale,
                ErrorScale = f.ErrorScale,
                Dates = forecast.Dates,
                Forecast = forecast.Forecast,
                P50 = forecast.P50,
                P90 = forecast.P90,
                P95 = forecast.P95,
            };
        }
        return new ReplenishmentData(asOf, forecastRunId, periodDays, series, await new RunStore(store).ErrorProfileAsync(forecastRunId, cancellationToken));
    }

    static async Task<Dictionary<(string, string), ForecastColumns>> ForecastsAsync(
        System.Data.IDbConnection connection, long forecastRunId, DateOnly asOf, int capacity, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string, string), ForecastColumns>(capacity);
        using var reader = (DbDataReader)await connection.ExecuteReaderAsync(new CommandDefinition("""
            SELECT location, sku, date, forecast, p50, p90, p95 FROM forecasts
            WHERE run_id = $forecastRunId AND date > $asOf
            ORDER BY location, sku, date
            """, new { forecastRunId, asOf }, cancellationToken: cancellationToken));
        ForecastColumns? current = null;
        (string, string) currentKey = default;
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (current is null || key != currentKey)
            {
                current = new ForecastColumns();
                currentKey = key;
                result[key] = current;
            }
            current.Dates.Add(reader.GetFieldValue<DateOnly>(2));
            current.Forecast.Add(reader.GetDouble(3));
            current.P50.Add(reader.IsDBNull(4) ? double.NaN : reader.GetDouble(4));
            current.P90.Add(reader.IsDBNull(5) ? double.NaN : reader.GetDouble(5));
            current.P95.Add(reader.IsDBNull(6) ? double.NaN : reader.GetDouble(6));
        }
        return result;
    }

    sealed class ForecastColumns
    {
        public List<DateOnly> Dates { get; } = [];
        public List<double> Forecast { get; } = [];
        public List<double> P50 { get; } = [];
        public List<double> P90 { get; } = [];
        public List<double> P95 { get; } = [];
    }

    sealed record Facts(
        string Location, string Sku, string? Category, string? Supplier, double? UnitCost, double? UnitPrice,
        int? PackSize, double? MinOrderQty, double? MaxOrderQty, int? LeadTimeDays,
        DateOnly? InventoryAsOf, double? OnHand, double OnOrder, double OpenPo, double Quantity, double Squares,
        double PricedValue, double Unpriced, DateOnly? FirstSale, DateOnly? LastSale, double? Scale, double? ErrorScale);
}
