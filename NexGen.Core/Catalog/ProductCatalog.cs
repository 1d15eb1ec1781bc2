using System.Globalization;
using Dapper;
using NexGen.Core.Ingestion;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Core.Catalog;

/// <summary>
/// The product list: one <see cref="ProductSummary"/> per location x SKU with sales, stock, forecast, ABC / XYZ
/// class and its alerts, searched, filtered, sorted and paged in DuckDB.
/// <para>
/// Summing the last year of sales for every series takes seconds at M5 scale (59 M rows), too slow for every page of
/// a grid, so the summaries are kept in the derived table <c>catalog_summary</c>. It is rebuilt on the first read
/// after the data changed: a new succeeded import or a new succeeded forecast run. It is a cache of other tables, so
/// it lives outside the versioned schema and can be dropped at any time. Alerts are joined at read time from the
/// latest replenishment run, which changes without an import or a forecast.
/// </para>
/// </summary>
public sealed class ProductCatalog(DuckDbStore store, RunStore runs)
{
    /// <summary>The recent windows, in days: 4 weeks, and a year (52 weeks) for ABC and XYZ.</summary>
    const int RecentDays = 28;
    const int YearDays = 364;
    const string VersionKey = "catalog_summary";

    static readonly IReadOnlyDictionary<ProductSortColumn, string> SortExpressions = new Dictionary<ProductSortColumn, string>
    {
        [ProductSortColumn.Location] = "location",
        [ProductSortColumn.Sku] = "sku",
        [ProductSortColumn.Name] = "name",
        [ProductSortColumn.Category] = "category",
        [ProductSortColumn.UnitsLast4Weeks] = "units_4w",
        [ProductSortColumn.ValueLast4Weeks] = "value_4w",
        [ProductSortColumn.Trend] = "trend",
        [ProductSortColumn.OnHand] = "on_hand",
        [ProductSortColumn.ForecastNext4Weeks] = "forecast_4w",
        [ProductSortColumn.Abc] = "abc",
        [ProductSortColumn.Xyz] = "xyz",
        // Ascending = most severe first, as a click on the grid's header sorts first.
        [ProductSortColumn.Alert] = "(4 - alert_level)",
    };

    /// <summary>
    /// The product list with each series' alerts in the latest replenishment run: the most severe as a level (3
    /// critical, 2 warning, 1 info; null without an alert) and the message of its first-ranked alert.
    /// </summary>
    const string ListSql = """
        WITH latest AS (SELECT max(id) AS id FROM replenishment_runs),
        alerts AS (
            SELECT location, sku,
                   max(CASE severity WHEN 'critical' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END) AS alert_level,
                   arg_min(message, rank) AS alert_message
            FROM replenishment_alerts WHERE run_id = (SELECT id FROM latest)
            GROUP BY location, sku),
        list AS (
            SELECT c.*, a.alert_level, a.alert_message
            FROM catalog_summary c LEFT JOIN alerts a ON a.location = c.location AND a.sku = c.sku)
        """;

    readonly SemaphoreSlim _refresh = new(1, 1);

    /// <summary>One page of series matching <paramref name="query"/>, and how many match in all.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The page is negative or the page size is not 1 to 1,000.</exception>
    public async Task<ProductPage> SearchAsync(ProductQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Page);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 1000);
        // Opened first: the freshness check's own connections then find the database open (see DuckDbStore.HoldOpen).
        using var connection = store.Open();
        await EnsureFreshAsync(cancellationToken);

        var where = new List<string> { "true" };
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim().ToLowerInvariant();
        if (search is not null) where.Add("(contains(lower(sku), $search) OR contains(lower(coalesce(name, '')), $search))");
        if (query.Location is not null) where.Add("location = $location");
        if (query.Category is not null) where.Add("category = $category");
        if (query.Abc is not null) where.Add("abc = $abc");
        if (query.Xyz is not null) where.Add("xyz = $xyz");
        if (query.Alert is not null) where.Add("alert_level >= $alertLevel");
        var filter = string.Join(" AND ", where);
        var order = SortExpressions.TryGetValue(query.SortBy, out var column)
            ? column
            : throw new ArgumentOutOfRangeException(nameof(query), $"Cannot sort by {query.SortBy}.");
        var direction = query.Descending ? "DESC" : "ASC";
        var parameters = new
        {
            search,
            location = query.Location,
            category = query.Category,
            abc = query.Abc?.ToString(),
            xyz = query.Xyz?.ToString(),
            alertLevel = query.Alert switch { AlertSeverity.Critical => 3, AlertSeverity.Warning => 2, _ => 1 },
            limit = query.PageSize,
            offset = (long)query.Page * query.PageSize,
        };

        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"{ListSql} SELECT count(*) FROM list WHERE {filter}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<ProductSummary>(new CommandDefinition($"""
            {ListSql}
            SELECT location, sku, name, category, units_4w AS UnitsLast4Weeks, value_4w AS ValueLast4Weeks,
                   units_prev_4w AS UnitsPrevious4Weeks, trend, on_hand AS OnHand, forecast_4w AS ForecastNext4Weeks, abc, xyz,
                   CASE alert_level WHEN 3 THEN 'Critical' WHEN 2 THEN 'Warning' WHEN 1 THEN 'Info' END AS Alert, alert_message AS AlertMessage
            FROM list WHERE {filter}
            ORDER BY {order} {direction} NULLS LAST, location, sku
            LIMIT $limit OFFSET $offset
            """, parameters, cancellationToken: cancellationToken));
        return new ProductPage(rows.AsList(), total);
    }

    /// <summary>Every location with sales, ordered.</summary>
    public Task<IReadOnlyList<string>> LocationsAsync(CancellationToken cancellationToken = default) =>
        DistinctAsync("location", cancellationToken);

    /// <summary>Every product category of a series with sales, ordered.</summary>
    public Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken cancellationToken = default) =>
        DistinctAsync("category", cancellationToken);

    async Task<IReadOnlyList<string>> DistinctAsync(string column, CancellationToken cancellationToken)
    {
        using var connection = store.Open();
        await EnsureFreshAsync(cancellationToken);
        var values = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT {column} FROM catalog_summary WHERE {column} IS NOT NULL ORDER BY 1", cancellationToken: cancellationToken));
        return values.AsList();
    }

    /// <summary>
    /// Rebuilds <c>catalog_summary</c> when an import or a forecast run succeeded since it was built. One rebuild at a
    /// time; it is not cancelled with the caller, since the next caller would only start it again.
    /// </summary>
    public async Task EnsureFreshAsync(CancellationToken cancellationToken = default)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var run = await runs.LatestSucceededAsync("forecast", CancellationToken.None);
            var (version, built, exists) = await BuiltVersionAsync(run?.Id);
            // Seconds at M5 scale, and DuckDB's calls block: off the caller's thread (a Blazor circuit's, say).
            if (!exists || built != version)
                await Task.Run(() => RebuildAsync(version, run?.Id), CancellationToken.None);
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The version the data is at now, the version the summary was built at, and whether the summary exists.</summary>
    async Task<(string Version, string? Built, bool Exists)> BuiltVersionAsync(long? runId)
    {
        using var connection = store.Open();
        var (import, built, exists) = await connection.QuerySingleAsync<(long? Import, string? Built, bool Exists)>("""
            SELECT (SELECT max(id) FROM imports WHERE status = 'succeeded'),
                   (SELECT value FROM dataset WHERE key = $key),
                   (SELECT count(*) > 0 FROM information_schema.tables WHERE table_name = 'catalog_summary')
            """, new { key = VersionKey });
        return (string.Create(CultureInfo.InvariantCulture, $"import {import ?? 0}, run {runId ?? 0}"), built, exists);
    }

    async Task RebuildAsync(string version, long? runId)
    {
        List<SeriesFigures> figures;
        using (var connection = store.Open())
        {
            var grain = SalesGrain.Parse(await connection.ExecuteScalarAsync<string?>(
                "SELECT value FROM dataset WHERE key = $key", new { key = SalesGrain.DatasetKey }));
            var step = grain?.Days ?? 1;
            figures = (await connection.QueryAsync<SeriesFigures>($"""
                WITH bounds AS (SELECT max(date) AS last FROM sales),
                series AS (
                    SELECT s.location, s.sku,
                        min(s.date) AS first_date,
                        coalesce(sum(s.quantity) FILTER (WHERE s.date > b.last - {RecentDays}), 0) AS units_4w,
                        sum(s.quantity * coalesce(s.price, p.unit_price)) FILTER (WHERE s.date > b.last - {RecentDays}) AS value_4w,
                        coalesce(sum(s.quantity) FILTER (WHERE s.date > b.last - {2 * RecentDays} AND s.date <= b.last - {RecentDays}), 0) AS units_prev_4w,
                        coalesce(sum(greatest(s.quantity, 0) * coalesce(s.price, p.unit_price, 1)) FILTER (WHERE s.date > b.last - {YearDays}), 0) AS value_year,
                        coalesce(sum(s.quantity) FILTER (WHERE s.date > b.last - {YearDays}), 0) AS sum_year,
                        coalesce(sum(s.quantity * s.quantity) FILTER (WHERE s.date > b.last - {YearDays}), 0) AS squares_year,
                        any_value(b.last) AS last
                    FROM sales s CROSS JOIN bounds b LEFT JOIN products p ON p.sku = s.sku
                    GROUP BY s.location, s.sku
                ),
                stock AS (SELECT location, sku, arg_max(on_hand, as_of) AS on_hand FROM inventory GROUP BY location, sku),
                first_forecast AS (SELECT min(date) AS first FROM forecasts WHERE run_id = $runId),
                forecast AS (
                    SELECT location, sku, sum(forecast) AS forecast_4w
                    FROM forecasts CROSS JOIN first_forecast f
                    WHERE run_id = $runId AND date < f.first + {RecentDays}
                    GROUP BY location, sku)
                SELECT s.location, s.sku, p.name, p.category,
                    s.units_4w AS UnitsLast4Weeks, s.value_4w AS ValueLast4Weeks, s.units_prev_4w AS UnitsPrevious4Weeks,
                    st.on_hand AS OnHand, f.forecast_4w AS ForecastNext4Weeks,
                    s.value_year AS ValueYear, s.sum_year AS SumYear, s.squares_year AS SquaresYear,
                    -- periods of the year window since the series' first sale: gaps inside it are zero sales
                    (s.last - greatest(s.first_date, s.last - {YearDays} + $step)) // $step + 1 AS PeriodsYear
                FROM series s
                LEFT JOIN products p ON p.sku = s.sku
                LEFT JOIN stock st ON st.location = s.location AND st.sku = s.sku
                LEFT JOIN forecast f ON f.location = s.location AND f.sku = s.sku
                ORDER BY s.location, s.sku
                """, new { runId = runId ?? -1, step })).AsList();
        }

        var abc = Abc.Classify([.. figures.Select((f, i) => new ItemSalesValue(i.ToString(CultureInfo.InvariantCulture), f.ValueYear))])
            .ToDictionary(a => int.Parse(a.Key, CultureInfo.InvariantCulture), a => a.Class);

        await store.WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute("""
                CREATE OR REPLACE TABLE catalog_summary (
                    location VARCHAR NOT NULL, sku VARCHAR NOT NULL, name VARCHAR, category VARCHAR,
                    units_4w DOUBLE NOT NULL, value_4w DOUBLE, units_prev_4w DOUBLE NOT NULL, trend DOUBLE,
                    on_hand DOUBLE, forecast_4w DOUBLE, abc VARCHAR NOT NULL, xyz VARCHAR NOT NULL)
                """, transaction: transaction);
            using (var appender = connection.CreateAppender("catalog_summary"))
                for (var i = 0; i < figures.Count; i++)
                {
                    var f = figures[i];
                    appender.CreateRow()
                        .AppendValue(f.Location)
                        .AppendValue(f.Sku)
                        .AppendValue(f.Name)
                        .AppendValue(f.Category)
                        .AppendValue((double?)f.UnitsLast4Weeks)
                        .AppendValue(f.ValueLast4Weeks)
                        .AppendValue((double?)f.UnitsPrevious4Weeks)
                        .AppendValue(f.UnitsPrevious4Weeks > 0 ? (f.UnitsLast4Weeks - f.UnitsPrevious4Weeks) / f.UnitsPrevious4Weeks : null)
                        .AppendValue(f.OnHand)
                        .AppendValue(f.ForecastNext4Weeks)
                        .AppendValue(abc[i].ToString())
                        .AppendValue(Xyz.ClassOf(f.VariationYear).ToString())
                        .EndRow();
                }
            connection.Execute("INSERT OR REPLACE INTO dataset VALUES ($key, $version)", new { key = VersionKey, version }, transaction);
            transaction.Commit();
            return Task.FromResult(0);
        });
    }

    /// <summary>What SQL sums for one series; <see cref="RebuildAsync"/> adds the classes.</summary>
    sealed record SeriesFigures(
        string Location, string Sku, string? Name, string? Category,
        double UnitsLast4Weeks, double? ValueLast4Weeks, double UnitsPrevious4Weeks, double? OnHand, double? ForecastNext4Weeks,
        double ValueYear, double SumYear, double SquaresYear, long PeriodsYear)
    {
        /// <summary>
        /// Coefficient of variation of units per period over the year window (population standard deviation / mean,
        /// as <see cref="Xyz.Classify"/> computes it, here from sums); infinite when nothing sold.
        /// </summary>
        public double VariationYear
        {
            get
            {
                var mean = SumYear / PeriodsYear;
                if (!(mean > 0))
                    return double.PositiveInfinity;
                var variance = Math.Max(0, SquaresYear / PeriodsYear - mean * mean);
                return Math.Sqrt(variance) / mean;
            }
        }
    }
}
