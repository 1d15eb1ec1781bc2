using System.Collections.Concurrent;
using Dapper;
using DuckDB.NET.Data;
using NexGen.Core.Ingestion;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Core.Catalog;

/// <summary>
/// The overview's figures, each widget one aggregation in DuckDB: sales KPIs, the forecast of the next 4 weeks, the open
/// alerts, the sales trend with the forecast, sales by category and by location, top sellers and the biggest movers.
/// Every read takes the location to show (null for all). Periods end at the store's last sales date (of any location),
/// so every location is compared over the same days. The KPIs, the trend and the breakdowns read
/// <c>overview_totals</c> (sales per location, category and date), the top lists <c>overview_series_weeks</c> (sales per
/// location x SKU and week), both rebuilt on the first read after a new import. Each widget's result is kept until the
/// data it was read from changes (<see cref="MemoAsync"/>): one instance serves every page.
/// </summary>
public sealed class OverviewReader(DuckDbStore store, RunStore runs, ReplenishmentStore replenishments)
{
    /// <summary>The KPI window: 4 weeks, in days.</summary>
    const int KpiDays = 28;

    /// <summary>A year back, in days: 52 weeks, so weekly periods fall on the same weekday.</summary>
    const int YearDays = 364;

    /// <summary>
    /// The derived tables' measures over sales <c>s</c> joined to products <c>p</c>: units, value (units x the sale's price,
    /// else the product's unit price; null when neither is known) and the number of sales rows.
    /// </summary>
    const string Measures = "sum(s.quantity) AS quantity, sum(s.quantity * coalesce(s.price, p.unit_price)) AS value, count(*) AS sales";

    const string TotalsVersionKey = "overview_totals";
    readonly SemaphoreSlim _refresh = new(1, 1);

    /// <summary>Kept reads: at most this many (widgets x locations x periods x measures); the next read past it starts afresh.</summary>
    const int MaxKeptReads = 2_000;
    readonly ConcurrentDictionary<WidgetKey, (string Version, object? Value)> _kept = new();

    /// <summary>What a widget's figures are read from, and so what changes them.</summary>
    enum Source { Sales, SalesAndForecast, Alerts }

    /// <summary>One widget's read: what it shows, for which location, period (weeks), measure and list length.</summary>
    readonly record struct WidgetKey(string Widget, Source Source, string? Location, int Weeks = 0, SalesMeasure Measure = default, int Top = 0);

    /// <summary>The window conditions on the totals <c>s</c>: the last <c>$days</c>, the <c>$days</c> before, and the last <c>$days</c> a year back.</summary>
    const string Recent = "s.date > b.last - $days";
    const string Previous = "s.date > b.last - 2 * $days AND s.date <= b.last - $days";
    const string LastYear = "s.date > b.last - $year - $days AND s.date <= b.last - $year";

    /// <summary>The same windows on <c>overview_series_weeks</c>, whose weeks count back from the last sales date (0 = the last 7 days).</summary>
    const string RecentWeeks = "s.week < $weeks";
    const string PreviousWeeks = "s.week >= $weeks AND s.week < 2 * $weeks";

    /// <summary>The longest period the lists and breakdowns offer, in weeks; the series totals keep twice that.</summary>
    public const int MaxWeeks = 52;

    /// <summary>
    /// Sales of the last 4 weeks against the 4 before and the same 4 weeks a year earlier. A comparison is null unless
    /// the store's first sale is no later than the first period of its window.
    /// </summary>
    public Task<SalesKpis> SalesKpisAsync(string? location, CancellationToken cancellationToken = default) =>
        MemoAsync(new("sales-kpis", Source.Sales, location), token => ReadSalesKpisAsync(location, token), cancellationToken);

    async Task<SalesKpis> ReadSalesKpisAsync(string? location, CancellationToken cancellationToken)
    {
        await EnsureFreshAsync(cancellationToken);
        using var connection = store.Open();
        var step = (await GrainAsync(connection, cancellationToken))?.Days ?? 1;
        return await connection.QuerySingleAsync<SalesKpis>(new CommandDefinition($"""
            WITH bounds AS (SELECT min(date) AS first, max(date) AS last FROM overview_totals)
            SELECT b.last AS LastDate,
                {UnitsIn(Recent)} AS Units,
                {ValueIn(Recent)} AS Value,
                CASE WHEN b.first <= b.last - 2 * $days + $step THEN {UnitsIn(Previous)} END AS PreviousUnits,
                CASE WHEN b.first <= b.last - 2 * $days + $step THEN {ValueIn(Previous)} END AS PreviousValue,
                CASE WHEN b.first <= b.last - $year - $days + $step THEN {UnitsIn(LastYear)} END AS LastYearUnits,
                CASE WHEN b.first <= b.last - $year - $days + $step THEN {ValueIn(LastYear)} END AS LastYearValue
            FROM bounds b
            LEFT JOIN overview_totals s ON s.date > b.last - $year - $days {LocationClause(location)}
            GROUP BY b.first, b.last
            """, new { location, days = KpiDays, year = YearDays, step }, cancellationToken: cancellationToken));
    }

    /// <summary>The first 4 weeks (28 days) of the latest succeeded forecast run; null when no run succeeded.</summary>
    public Task<ForecastKpi?> ForecastKpiAsync(string? location, CancellationToken cancellationToken = default) =>
        MemoAsync(new("forecast-kpi", Source.SalesAndForecast, location), token => ReadForecastKpiAsync(location, token), cancellationToken);

    async Task<ForecastKpi?> ReadForecastKpiAsync(string? location, CancellationToken cancellationToken)
    {
        var run = await runs.LatestSucceededAsync("forecast", cancellationToken);
        if (run is null)
            return null;
        using var connection = store.Open();
        var (units, value, from, to) = await connection.QuerySingleAsync<(double, double?, DateOnly?, DateOnly?)>(new CommandDefinition($"""
            WITH start AS (SELECT min(date) AS first FROM forecasts WHERE run_id = $runId)
            SELECT coalesce(sum(s.forecast), 0), sum(s.forecast * p.unit_price), min(s.date), max(s.date)
            FROM forecasts s CROSS JOIN start
            LEFT JOIN products p ON p.sku = s.sku
            WHERE s.run_id = $runId AND s.date < start.first + $days {LocationClause(location)}
            """, new { runId = run.Id, location, days = KpiDays }, cancellationToken: cancellationToken));
        return new ForecastKpi(run, units, value, from, to);
    }

    /// <summary>The alerts of the latest replenishment run; null when replenishment never ran.</summary>
    public Task<AlertKpi?> AlertKpiAsync(string? location, CancellationToken cancellationToken = default) =>
        MemoAsync(new("alert-kpi", Source.Alerts, location), token => ReadAlertKpiAsync(location, token), cancellationToken);

    async Task<AlertKpi?> ReadAlertKpiAsync(string? location, CancellationToken cancellationToken)
    {
        var run = await replenishments.LatestRunAsync(cancellationToken);
        if (run is null)
            return null;
        using var connection = store.Open();
        var (open, critical, valueAtRisk) = await connection.QuerySingleAsync<(long, long, double)>(new CommandDefinition($"""
            SELECT count(*), count(*) FILTER (WHERE s.severity = $critical), coalesce(sum(s.value_at_risk), 0)
            FROM replenishment_alerts s
            WHERE s.run_id = $runId {LocationClause(location)}
            """, new { runId = run.Id, location, critical = ReplenishmentStore.SeverityName(AlertSeverity.Critical) },
            cancellationToken: cancellationToken));
        return new AlertKpi(run.Id, run.AsOf, open, critical, valueAtRisk);
    }

    /// <summary>Units sold per period over all history, then the latest succeeded forecast run's totals per period.</summary>
    public Task<SalesTrend> TrendAsync(string? location, CancellationToken cancellationToken = default) =>
        MemoAsync(new("trend", Source.SalesAndForecast, location), token => ReadTrendAsync(location, token), cancellationToken);

    async Task<SalesTrend> ReadTrendAsync(string? location, CancellationToken cancellationToken)
    {
        var run = await runs.LatestSucceededAsync("forecast", cancellationToken);
        await EnsureFreshAsync(cancellationToken);
        using var connection = store.Open();
        var grain = await GrainAsync(connection, cancellationToken);
        var rows = (await connection.QueryAsync<(bool IsForecast, DateOnly Date, double Quantity)>(new CommandDefinition($"""
            SELECT false AS IsForecast, s.date AS Date, sum(s.quantity) AS Quantity
            FROM overview_totals s WHERE true {LocationClause(location)}
            GROUP BY s.date
            UNION ALL
            SELECT true, s.date, sum(s.forecast)
            FROM forecasts s WHERE s.run_id = $runId {LocationClause(location)}
            GROUP BY s.date
            ORDER BY 1, 2
            """, new { runId = run?.Id ?? -1, location }, cancellationToken: cancellationToken))).AsList();
        var intervals = run is null ? [] : (await runs.AggregateIntervalsAsync(run.Id, cancellationToken)).Where(i => i.Location == location).ToList();
        var p10 = intervals.FirstOrDefault(i => i.Level == 0.1);
        var p90 = intervals.FirstOrDefault(i => i.Level == 0.9);
        return new SalesTrend(
            grain,
            [.. rows.Where(r => !r.IsForecast).Select(r => new SalesPoint(r.Date, r.Quantity))],
            [.. rows.Where(r => r.IsForecast).Select(r => new ForecastTotal(r.Date, r.Quantity, p10?.Apply(r.Quantity), p90?.Apply(r.Quantity)))]);
    }

    /// <summary>Sales per product category over the last <paramref name="weeks"/> weeks, largest first in <paramref name="measure"/>.</summary>
    public Task<IReadOnlyList<SalesBreakdown>> ByCategoryAsync(string? location, int weeks, SalesMeasure measure, CancellationToken cancellationToken = default) =>
        BreakdownAsync("s.category", location, weeks, measure, cancellationToken);

    /// <summary>Sales per location over the last <paramref name="weeks"/> weeks, largest first in <paramref name="measure"/>.</summary>
    public Task<IReadOnlyList<SalesBreakdown>> ByLocationAsync(string? location, int weeks, SalesMeasure measure, CancellationToken cancellationToken = default) =>
        BreakdownAsync("s.location", location, weeks, measure, cancellationToken);

    Task<IReadOnlyList<SalesBreakdown>> BreakdownAsync(string group, string? location, int weeks, SalesMeasure measure, CancellationToken cancellationToken) =>
        MemoAsync(new(group, Source.Sales, location, weeks, measure), token => ReadBreakdownAsync(group, location, weeks, measure, token), cancellationToken);

    async Task<IReadOnlyList<SalesBreakdown>> ReadBreakdownAsync(string group, string? location, int weeks, SalesMeasure measure, CancellationToken cancellationToken)
    {
        await EnsureFreshAsync(cancellationToken);
        using var connection = store.Open();
        var rows = await connection.QueryAsync<SalesBreakdown>(new CommandDefinition($"""
            WITH bounds AS (SELECT max(date) AS last FROM overview_totals)
            SELECT {group} AS Name, sum(s.quantity) AS Units, sum(s.value) AS Value
            FROM overview_totals s CROSS JOIN bounds b
            WHERE s.date > b.last - $days {LocationClause(location)}
            GROUP BY 1
            ORDER BY {measure} DESC NULLS LAST, 1
            """, new { location, days = Days(weeks) }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>The <paramref name="top"/> series selling most over the last <paramref name="weeks"/> weeks in <paramref name="measure"/>.</summary>
    public Task<IReadOnlyList<SeriesSales>> TopSellersAsync(
        string? location, int weeks, SalesMeasure measure, int top, CancellationToken cancellationToken = default) =>
        MemoAsync(new("top-sellers", Source.Sales, location, weeks, measure, top), token => ReadTopSellersAsync(location, weeks, measure, top, token), cancellationToken);

    async Task<IReadOnlyList<SeriesSales>> ReadTopSellersAsync(string? location, int weeks, SalesMeasure measure, int top, CancellationToken cancellationToken)
    {
        await EnsureFreshAsync(cancellationToken);
        using var connection = store.Open();
        var rows = await connection.QueryAsync<SeriesSales>(new CommandDefinition($"""
            {SeriesSql(location)}
            SELECT * FROM series WHERE {measure} > 0
            ORDER BY {measure} DESC, Location, Sku
            LIMIT $top
            """, new { location, weeks = Checked(weeks), top }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// The <paramref name="top"/> series whose sales over the last <paramref name="weeks"/> weeks rose most, and the
    /// <paramref name="top"/> that fell most, against the <paramref name="weeks"/> weeks before, in <paramref name="measure"/>;
    /// none, and not <see cref="SalesMovers.Compared"/>, when the store's first sale is later than the first period before.
    /// </summary>
    public Task<SalesMovers> MoversAsync(
        string? location, int weeks, SalesMeasure measure, int top, CancellationToken cancellationToken = default) =>
        MemoAsync(new("movers", Source.Sales, location, weeks, measure, top), token => ReadMoversAsync(location, weeks, measure, top, token), cancellationToken);

    async Task<SalesMovers> ReadMoversAsync(string? location, int weeks, SalesMeasure measure, int top, CancellationToken cancellationToken)
    {
        var change = measure == SalesMeasure.Units ? "Units - PreviousUnits" : "coalesce(Value, 0) - coalesce(PreviousValue, 0)";
        await EnsureFreshAsync(cancellationToken);
        using var connection = store.Open();
        // A period before the first sale would make every series a riser.
        var step = (await GrainAsync(connection, cancellationToken))?.Days ?? 1;
        var covered = await connection.ExecuteScalarAsync<bool?>(new CommandDefinition(
            "SELECT min(date) <= max(date) - 2 * $days + $step FROM overview_totals", new { days = Days(weeks), step }, cancellationToken: cancellationToken));
        if (covered != true)
            return new SalesMovers([], [], Compared: false);
        var rows = (await connection.QueryAsync<SeriesSales>(new CommandDefinition($"""
            {SeriesSql(location)},
            moved AS (SELECT *, {change} AS change FROM series),
            ranked AS (SELECT *, row_number() OVER (PARTITION BY sign(change) ORDER BY abs(change) DESC, Location, Sku) AS position
                       FROM moved WHERE change <> 0)
            SELECT Location, Sku, Name, Units, Value, PreviousUnits, PreviousValue
            FROM ranked WHERE position <= $top
            ORDER BY sign(change) DESC, position
            """, new { location, weeks, top }, cancellationToken: cancellationToken))).AsList();
        return new SalesMovers(
            [.. rows.Where(r => r.Change(measure) > 0)],
            [.. rows.Where(r => r.Change(measure) < 0)]);
    }

    /// <summary>The CTE <c>series</c>: each location x SKU's sales over the last <c>$weeks</c> and the <c>$weeks</c> before.</summary>
    static string SeriesSql(string? location) => $"""
        WITH series AS (
            SELECT s.location AS Location, s.sku AS Sku, any_value(p.name) AS Name,
                {UnitsIn(RecentWeeks)} AS Units,
                {ValueIn(RecentWeeks)} AS Value,
                {UnitsIn(PreviousWeeks)} AS PreviousUnits,
                {ValueIn(PreviousWeeks)} AS PreviousValue
            FROM overview_series_weeks s
            LEFT JOIN products p ON p.sku = s.sku
            WHERE s.week < 2 * $weeks {LocationClause(location)}
            GROUP BY s.location, s.sku)
        """;

    /// <summary>Units sold in a window, from the totals <c>s</c>; 0 when none.</summary>
    static string UnitsIn(string window) => $"coalesce(sum(s.quantity) FILTER (WHERE {window}), 0)";

    /// <summary>The value of the totals <c>s</c> in a window: 0 when nothing sold, null when some sold but no price is known.</summary>
    static string ValueIn(string window) =>
        $"CASE WHEN coalesce(sum(s.sales) FILTER (WHERE {window}), 0) = 0 THEN 0 ELSE sum(s.value) FILTER (WHERE {window}) END";

    /// <summary>
    /// The widgets' figures change only with the data they read: an import, a forecast run, a replenishment run. So each
    /// read is kept with the version of what it was read from, and a later read of the same widget, location and period
    /// is answered from memory while that version stands: one small query instead of the widget's aggregation (at M5
    /// scale on 2 cores, the overview's reads take about 1 s of CPU together). A read that fails or is cancelled keeps
    /// nothing; one read after a change is read afresh, and an import made elsewhere (the CLI) is seen the same way.
    /// </summary>
    async Task<T> MemoAsync<T>(WidgetKey key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var versions = await DataVersionAsync(cancellationToken);
        var version = key.Source switch
        {
            Source.Sales => $"import {versions.Import}",
            Source.SalesAndForecast => $"import {versions.Import}, forecast {versions.Forecast}",
            _ => $"replenishment {versions.Replenishment}",
        };
        if (_kept.TryGetValue(key, out var kept) && kept.Version == version)
            return (T)kept.Value!;
        var result = await read(cancellationToken);
        if (_kept.Count >= MaxKeptReads)
            _kept.Clear();
        _kept[key] = (version, result);
        return result;
    }

    /// <summary>The latest succeeded import, succeeded forecast run and replenishment run (null: none yet).</summary>
    async Task<(long? Import, long? Forecast, long? Replenishment)> DataVersionAsync(CancellationToken cancellationToken)
    {
        using var connection = store.Open();
        return await connection.QuerySingleAsync<(long?, long?, long?)>(new CommandDefinition("""
            SELECT (SELECT max(id) FROM imports WHERE status = 'succeeded'),
                   (SELECT max(id) FROM runs WHERE kind = 'forecast' AND status = 'succeeded'),
                   (SELECT max(id) FROM replenishment_runs)
            """, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Rebuilds <c>overview_totals</c>, the sales summed per location, category and date with their value and row count,
    /// and <c>overview_series_weeks</c>, the sales of the last 2 x <see cref="MaxWeeks"/> weeks summed per location x SKU
    /// and week, when an import succeeded since they were built. Scanning every sale takes seconds at M5 scale (59 M rows); the
    /// totals are about a thousandth of that. A cache of other tables: outside the versioned schema, droppable any time.
    /// </summary>
    public async Task EnsureFreshAsync(CancellationToken cancellationToken = default)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            string version;
            using (var connection = store.Open())
            {
                var (import, built, exists) = await connection.QuerySingleAsync<(long? Import, string? Built, bool Exists)>(new CommandDefinition("""
                    SELECT (SELECT max(id) FROM imports WHERE status = 'succeeded'),
                           (SELECT value FROM dataset WHERE key = $key),
                           (SELECT count(*) = 2 FROM information_schema.tables WHERE table_name IN ('overview_totals', 'overview_series_weeks'))
                    """, new { key = TotalsVersionKey }, cancellationToken: cancellationToken));
                version = $"import {import ?? 0}";
                if (exists && built == version)
                    return;
            }
            // Not cancelled with the caller: the next reader would only start it again. Off the caller's thread: DuckDB blocks.
            await Task.Run(() => store.WriteAsync(connection =>
            {
                using var transaction = connection.BeginTransaction();
                connection.Execute($"""
                    CREATE OR REPLACE TABLE overview_totals AS
                    SELECT s.location, coalesce(p.category, '(no category)') AS category, s.date, {Measures}
                    FROM sales s LEFT JOIN products p ON p.sku = s.sku
                    GROUP BY ALL
                    """, transaction: transaction);
                connection.Execute($"""
                    CREATE OR REPLACE TABLE overview_series_weeks AS
                    WITH bounds AS (SELECT max(date) AS last FROM sales)
                    SELECT s.location, s.sku, (b.last - s.date) // 7 AS week, {Measures}
                    FROM sales s CROSS JOIN bounds b LEFT JOIN products p ON p.sku = s.sku
                    WHERE s.date > b.last - {2 * MaxWeeks * 7}
                    GROUP BY ALL
                    """, transaction: transaction);
                connection.Execute("INSERT OR REPLACE INTO dataset VALUES ($key, $version)", new { key = TotalsVersionKey, version }, transaction);
                transaction.Commit();
                return Task.FromResult(0);
            }), CancellationToken.None);
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The filter on the location column of the table aliased <c>s</c>; none for all locations.</summary>
    static string LocationClause(string? location) => location is null ? "" : "AND s.location = $location";

    /// <summary>A period of whole weeks in days.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 1 to <see cref="MaxWeeks"/> weeks.</exception>
    static int Days(int weeks) => 7 * Checked(weeks);

    static int Checked(int weeks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weeks, MaxWeeks);
        return weeks;
    }

    static async Task<SalesGrain?> GrainAsync(DuckDBConnection connection, CancellationToken cancellationToken) =>
        SalesGrain.Parse(await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM dataset WHERE key = $key", new { key = SalesGrain.DatasetKey }, cancellationToken: cancellationToken)));
}
