using Dapper;
using NexGen.Core.Ingestion;
using NexGen.Core.Store;

namespace NexGen.Core.Features;

/// <summary>Reads the store's sales, products, promotions, events and exogenous variables into a <see cref="SalesPanel"/>.</summary>
public sealed class SalesPanelLoader(DuckDbStore store)
{
    /// <summary>Periods a stock-out estimate averages over: 4 weeks of weekly data, 28 days of daily data.</summary>
    static int RateWindow(int periodDays) => periodDays == 7 ? 4 : 28;

    public async Task<SalesPanel> LoadAsync(CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var grain = SalesGrain.Parse(await connection.ExecuteScalarAsync<string?>("SELECT value FROM dataset WHERE key = 'sales_grain'"))
            ?? throw new InvalidOperationException("The store has no sales with a known grain; import sales first.");
        var range = await connection.QuerySingleAsync<(DateOnly? First, DateOnly? Last)>("SELECT min(date), max(date) FROM sales");
        if (range.First is not { } start || range.Last is not { } last)
            throw new InvalidOperationException("The store has no sales; import sales first.");
        var step = grain.Days;
        var periods = (last.DayNumber - start.DayNumber) / step + 1;

        await connection.ExecuteAsync("""
            CREATE OR REPLACE TEMP TABLE panel_series AS
            SELECT row_number() OVER (ORDER BY location, sku) - 1 AS id, location, sku,
                   min(date) FILTER (WHERE quantity <> 0) AS first_sale
            FROM sales GROUP BY location, sku
            """);
        var rows = (await connection.QueryAsync<(long Id, string Location, string Sku, string? Category, DateOnly? FirstSale)>("""
            SELECT s.id, s.location, s.sku, p.category, s.first_sale
            FROM panel_series s LEFT JOIN products p USING (sku) ORDER BY s.id
            """)).AsList();
        var locationCodes = Codes(rows.Select(r => r.Location));
        var categoryCodes = Codes(rows.Select(r => r.Category).OfType<string>());
        // A series that never sold has not started: it gets no forecast until its first sale.
        var series = rows.Select(r => new PanelSeries((int)r.Id, r.Location, r.Sku, r.Category,
            r.FirstSale is { } firstSale ? (firstSale.DayNumber - start.DayNumber) / step : periods, locationCodes[r.Location],
            r.Category is null ? -1 : categoryCodes[r.Category])).ToList();

        var cells = (long)series.Count * periods;
        if (cells > Array.MaxLength)
            throw new InvalidOperationException($"{series.Count:N0} series x {periods:N0} periods is too large for one panel.");
        var quantity = new float[cells];
        var price = new float[cells];
        Array.Fill(price, float.NaN);
        foreach (var s in series)
        {
            quantity.AsSpan(s.Index * periods, Math.Min(s.First, periods)).Fill(float.NaN);
        }

        // Each sale straight to its cell (series x period), from the series' first sale on: one integer and two floats
        // per row, as the reader is the cost of loading a large store.
        using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition("""
            SELECT s.id * $periods + CAST((date - $start) // $step AS BIGINT) AS cell, CAST(quantity AS FLOAT), CAST(price AS FLOAT)
            FROM sales JOIN panel_series s USING (location, sku)
            WHERE date >= s.first_sale
            """, new { start, step, periods = (long)periods }, cancellationToken: cancellationToken)))
        {
            var parser = (System.Data.Common.DbDataReader)reader;
            while (await parser.ReadAsync(cancellationToken))
            {
                var cell = parser.GetInt64(0);
                quantity[cell] = parser.GetFloat(1);
                if (!parser.IsDBNull(2))
                    price[cell] = parser.GetFloat(2);
            }
        }

        var demand = new float[cells];
        var censored = new bool[cells];
        var window = RateWindow(step);
        foreach (var s in series)
        {
            var offset = s.Index * periods;
            CensoredDemand.Detect(quantity.AsSpan(offset, periods), demand.AsSpan(offset, periods), censored.AsSpan(offset, periods), s.First, window);
            CarryForward(price.AsSpan(offset, periods));
        }

        var promotions = await PromotionsAsync(connection, series, start, step);
        var events = (await connection.QueryAsync<DateOnly>("SELECT DISTINCT date FROM events ORDER BY date")).Select(d => d.DayNumber).ToArray();
        var (exogenousNames, exogenous) = await ExogenousAsync(connection, locationCodes, start, step, periods);

        return new SalesPanel
        {
            Start = start,
            PeriodDays = step,
            Periods = periods,
            Series = series,
            Quantity = quantity,
            Demand = demand,
            Censored = censored,
            Price = price,
            Promotions = promotions,
            EventDays = events,
            Locations = locationCodes.Count,
            ExogenousNames = exogenousNames,
            Exogenous = exogenous,
        };
    }

    static Dictionary<string, int> Codes(IEnumerable<string> values) =>
        values.Distinct().Order(StringComparer.Ordinal).Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);

    static void CarryForward(Span<float> values)
    {
        var last = float.NaN;
        for (var t = 0; t < values.Length; t++)
        {
            if (float.IsNaN(values[t]))
                values[t] = last;
            else
                last = values[t];
        }
    }

    /// <summary>
    /// Each exogenous variable per location and period: the latest value dated at or before the period's date (a
    /// weekly period ends on its date), carried forward; a row without a location applies to every location unless
    /// that location has its own value for the date. NaN before the first value.
    /// </summary>
    static async Task<(string[] Names, float[] Values)> ExogenousAsync(
        System.Data.IDbConnection connection, Dictionary<string, int> locationCodes, DateOnly start, int step, int periods)
    {
        var rows = (await connection.QueryAsync<(string? Location, DateOnly Date, string Name, double Value)>(
            "SELECT location, date, name, value FROM exogenous ORDER BY location NULLS FIRST, date, name")).AsList();
        var names = rows.Select(r => r.Name).Distinct().Order(StringComparer.Ordinal).ToArray();
        var nameCodes = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        var values = new float[(long)names.Length * locationCodes.Count * periods];
        Array.Fill(values, float.NaN);
        foreach (var row in rows)
        {
            var t = Math.Max(0, (int)Math.Ceiling((row.Date.DayNumber - start.DayNumber) / (double)step));
            if (t >= periods)
                continue;
            IEnumerable<int> locations = row.Location is null ? locationCodes.Values : locationCodes.TryGetValue(row.Location, out var code) ? [code] : [];
            foreach (var location in locations)
                values[((long)nameCodes[row.Name] * locationCodes.Count + location) * periods + t] = (float)row.Value;
        }
        for (long offset = 0; offset < values.Length; offset += periods)
            CarryForward(values.AsSpan((int)offset, periods));
        return (names, values);
    }

    static async Task<IReadOnlyList<PlannedPromotion>[]> PromotionsAsync(System.Data.IDbConnection connection, IReadOnlyList<PanelSeries> series, DateOnly start, int step)
    {
        var result = series.Select(_ => (IReadOnlyList<PlannedPromotion>)[]).ToArray();
        var promotions = await connection.QueryAsync<(string? Location, string? Sku, DateOnly Start, DateOnly End, double? Discount)>(
            """SELECT location, sku, start, "end", discount FROM promotions ORDER BY ALL""");
        var byKey = series.ToLookup(s => (s.Location, s.Sku));
        var bySku = series.ToLookup(s => s.Sku);
        var byLocation = series.ToLookup(s => s.Location);
        foreach (var promotion in promotions)
        {
            var matching = promotion switch
            {
                { Location: { } l, Sku: { } k } => byKey[(l, k)],
                { Sku: { } k } => bySku[k],
                { Location: { } l } => byLocation[l],
                _ => series,
            };
            // A period is promoted when any of its days is: weekly periods end on their date.
            var planned = new PlannedPromotion(
                (int)Math.Ceiling((promotion.Start.DayNumber - start.DayNumber) / (double)step),
                (int)Math.Ceiling((promotion.End.DayNumber - start.DayNumber) / (double)step),
                (float)(promotion.Discount ?? 0));
            foreach (var s in matching)
                result[s.Index] = [.. result[s.Index], planned];
        }
        return result;
    }
}
