using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using NexGen.Core.Forecasting;

namespace NexGen.Core.Store;

/// <summary>
/// Reads and writes the <c>runs</c> table and each run's <c>forecasts</c>. A run starts as running, reports its
/// progress, and ends exactly once: <see cref="CompleteAsync"/> (its forecasts and the succeeded status in one
/// transaction) or <see cref="FailAsync"/>. Times are UTC.
/// </summary>
public sealed class RunStore(DuckDbStore store)
{
    static readonly string[] Kinds = ["forecast", "backtest", "train", "refresh"];
    static readonly string[] Triggers = ["manual", "schedule", "api", "cli"];

    /// <summary>Records a new run as running with progress 0, owned by this process (<see cref="RunOwner"/>), and returns its id.</summary>
    /// <param name="kind">forecast, backtest, train or refresh.</param>
    /// <param name="trigger">manual, schedule, api or cli.</param>
    /// <param name="parametersJson">The run's parameters as JSON.</param>
    /// <param name="dataVersion">Identifies the data the run reads, if known.</param>
    public Task<long> StartAsync(string kind, string trigger, string parametersJson, string? dataVersion, CancellationToken cancellationToken = default)
    {
        Require(kind, Kinds, nameof(kind));
        Require(trigger, Triggers, nameof(trigger));
        ArgumentNullException.ThrowIfNull(parametersJson);
        return store.WriteAsync(connection =>
        {
            var id = connection.ExecuteScalar<long>("SELECT nextval('run_ids')");
            connection.Execute("""
                INSERT INTO runs (id, kind, trigger, parameters, data_version, started, status, progress, owner, heartbeat)
                VALUES ($id, $kind, $trigger, $parametersJson, $dataVersion, $started, 'running', 0, $owner, $started)
                """, new { id, kind, trigger, parametersJson, dataVersion, started = DateTime.UtcNow, owner = RunOwner.Current });
            return Task.FromResult(id);
        }, cancellationToken);
    }

    /// <summary>
    /// Updates a running run's progress (a fraction from 0 to 1, clamped) and phase. Best effort: a run that is no
    /// longer running is left alone, and a store error or another process holding the file skips the update without
    /// waiting, since a progress bar must never fail or slow a run.
    /// It waits for the store's write lock, which an import holds for its whole length, so report a few times a
    /// second at most.
    /// </summary>
    public async Task ReportProgressAsync(long id, double progress, string phase, CancellationToken cancellationToken = default)
    {
        if (double.IsNaN(progress))
            return;
        progress = Math.Clamp(progress, 0, 1);
        try
        {
            await store.TryWriteNowAsync(connection => connection.Execute(
                "UPDATE runs SET progress = $progress, phase = $phase, heartbeat = $now WHERE id = $id AND status = 'running'",
                new { id, progress, phase, now = DateTime.UtcNow }), cancellationToken);
        }
        catch (DuckDBException)
        {
            // The next report, or the run's end, records the state anyway.
        }
    }

    /// <summary>
    /// In one transaction, writes every forecast row of the run and marks it succeeded (finished now, progress 1,
    /// with its metrics and model). If anything throws, including <paramref name="forecasts"/> while it is being
    /// enumerated or a cancellation, none of it is visible and the run stays running: the caller then calls
    /// <see cref="FailAsync"/>.
    /// </summary>
    /// <param name="metricsJson">The run's metrics as JSON, if any.</param>
    /// <param name="modelId">The <c>models</c> row the run used or trained, if any.</param>
    /// <exception cref="KeyNotFoundException">No run has this id.</exception>
    /// <exception cref="InvalidOperationException">The run has already ended.</exception>
    public Task CompleteAsync(long id, string? metricsJson, long? modelId, IEnumerable<ForecastRow> forecasts, CancellationToken cancellationToken = default) =>
        CompleteAsync(id, metricsJson, modelId, forecasts, new ForecastDetails(), cancellationToken);

    /// <summary>
    /// As above, with the top feature contributions, the series scales and the error profile written in the same
    /// transaction.
    /// </summary>
    public Task CompleteAsync(long id, string? metricsJson, long? modelId, IEnumerable<ForecastRow> forecasts,
        ForecastDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(details);
        return store.WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            RequireRunning(connection, transaction, id);
            using (var appender = connection.CreateAppender("forecasts"))
            {
                var written = 0;
                foreach (var row in forecasts)
                {
                    if (++written % 10_000 == 0)
                        cancellationToken.ThrowIfCancellationRequested();
                    appender.CreateRow()
                        .AppendValue((long?)id)
                        .AppendValue(row.Location)
                        .AppendValue(row.Sku)
                        .AppendValue((DateOnly?)row.Date)
                        .AppendValue((double?)row.Forecast)
                        .AppendValue(row.P10)
                        .AppendValue(row.P50)
                        .AppendValue(row.P90)
                        .AppendValue(row.P95)
                        .AppendValue(row.Model)
                        .EndRow();
                }
            }
            using (var appender = connection.CreateAppender("forecast_explanations"))
                foreach (var explanation in details.Explanations)
                    appender.CreateRow()
                        .AppendValue((long?)id)
                        .AppendValue(explanation.Location)
                        .AppendValue(explanation.Sku)
                        .AppendValue((int?)explanation.Rank)
                        .AppendValue(explanation.Feature)
                        .AppendValue((double?)explanation.Contribution)
                        .EndRow();
            using (var appender = connection.CreateAppender("forecast_backtests"))
                foreach (var point in details.Backtests)
                    appender.CreateRow()
                        .AppendValue((long?)id)
                        .AppendValue(point.Location)
                        .AppendValue(point.Sku)
                        .AppendValue((DateOnly?)point.Origin)
                        .AppendValue((DateOnly?)point.Date)
                        .AppendValue(point.Actual)
                        .AppendValue((double?)point.Forecast)
                        .AppendValue(point.Naive)
                        .EndRow();
            using (var appender = connection.CreateAppender("forecast_scales"))
                foreach (var scale in details.Scales)
                    appender.CreateRow()
                        .AppendValue((long?)id)
                        .AppendValue(scale.Location)
                        .AppendValue(scale.Sku)
                        .AppendValue((double?)scale.Scale)
                        .AppendValue(scale.ErrorScale)
                        .EndRow();
            using (var appender = connection.CreateAppender("forecast_aggregate_intervals"))
                foreach (var interval in details.AggregateIntervals)
                    appender.CreateRow()
                        .AppendValue((long?)id)
                        .AppendValue(interval.Location)
                        .AppendValue((double?)interval.Level)
                        .AppendValue((double?)interval.Offset)
                        .EndRow();
            if (details.ErrorProfile is { } profile)
                using (var appender = connection.CreateAppender("forecast_error_profile"))
                    foreach (var group in profile.Groups)
                        for (var periods = 1; periods <= profile.Horizon; periods++)
                        {
                            var errors = group.SortedByPeriods[periods - 1];
                            for (var rank = 0; rank < errors.Length; rank++)
                                appender.CreateRow()
                                    .AppendValue((long?)id)
                                    .AppendValue((double?)group.ScaleFrom)
                                    .AppendValue((int?)periods)
                                    .AppendValue((int?)rank)
                                    .AppendValue((double?)errors[rank])
                                    .EndRow();
                        }
            cancellationToken.ThrowIfCancellationRequested();
            connection.Execute("""
                UPDATE runs SET status = 'succeeded', finished = $finished, progress = 1, metrics = $metricsJson, model_id = $modelId
                WHERE id = $id
                """, new { id, finished = DateTime.UtcNow, metricsJson, modelId }, transaction);
            transaction.Commit();
            return Task.FromResult(0);
        }, cancellationToken);
    }

    /// <summary>
    /// Ends a running run as failed, or cancelled when <paramref name="cancelled"/>, with the error shown to the user;
    /// a run that has already ended is left as it was. Pass a token that is not the run's own: a cancelled run's
    /// token would cancel recording its cancellation.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No run has this id.</exception>
    public Task FailAsync(long id, bool cancelled, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return store.WriteAsync(connection =>
        {
            var status = connection.ExecuteScalar<string?>("SELECT status FROM runs WHERE id = $id", new { id })
                ?? throw new KeyNotFoundException($"There is no run {id}.");
            if (status == "running")
                connection.Execute(
                    "UPDATE runs SET status = $status, finished = $finished, error = $error WHERE id = $id",
                    new { id, status = cancelled ? "cancelled" : "failed", finished = DateTime.UtcNow, error });
            return Task.FromResult(0);
        }, cancellationToken);
    }

    /// <summary>How often a running run renews its heartbeat (<see cref="KeepAlive"/>).</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How old the heartbeat of a run owned by another machine may be before its owner counts as gone: long enough for
    /// the store to be busy through several missed beats.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Renews run <paramref name="id"/>'s heartbeat every <paramref name="every"/> (default <see cref="HeartbeatInterval"/>)
    /// until disposed; best effort, like progress: a beat missed while another process has the store is made up by the next.
    /// </summary>
    public IAsyncDisposable KeepAlive(long id, TimeSpan? every = null) => new Heartbeat(this, id, every ?? HeartbeatInterval);

    sealed class Heartbeat : IAsyncDisposable
    {
        readonly CancellationTokenSource _stop = new();
        readonly Task _beating;

        public Heartbeat(RunStore runs, long id, TimeSpan every) => _beating = BeatAsync(runs, id, every, _stop.Token);

        static async Task BeatAsync(RunStore runs, long id, TimeSpan every, CancellationToken stop)
        {
            using var timer = new PeriodicTimer(every);
            try
            {
                while (await timer.WaitForNextTickAsync(stop))
                    await runs.BeatAsync(id, stop);
            }
            catch (OperationCanceledException)
            {
                // The run has ended.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _beating;
            _stop.Dispose();
        }
    }

    async Task BeatAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await store.TryWriteNowAsync(connection => connection.Execute(
                "UPDATE runs SET heartbeat = $now WHERE id = $id AND status = 'running'", new { id, now = DateTime.UtcNow }), cancellationToken);
        }
        catch (DuckDBException)
        {
            // The next beat records it.
        }
    }

    /// <summary>
    /// Marks the runs recorded as running whose process has ended (<see cref="RunOwner.IsGone"/>) as failed with the
    /// error "interrupted" and returns how many there were. A run of a process still alive (a CLI forecast while the app
    /// starts) is left running. Called at the app's start-up, and again while it runs.
    /// </summary>
    public Task<int> MarkInterruptedAsync(CancellationToken cancellationToken = default) =>
        store.WriteAsync(connection =>
        {
            var now = DateTime.UtcNow;
            var running = connection.Query<(long Id, string? Owner, DateTime? Heartbeat)>(
                "SELECT id, owner, heartbeat FROM runs WHERE status = 'running' ORDER BY id").AsList();
            var gone = running.Where(r => r.Owner != RunOwner.Current && RunOwner.IsGone(r.Owner, r.Heartbeat, now, StaleAfter)).Select(r => r.Id).ToList();
            foreach (var id in gone)
                connection.Execute("UPDATE runs SET status = 'failed', finished = $now, error = 'interrupted' WHERE id = $id AND status = 'running'", new { id, now });
            return Task.FromResult(gone.Count);
        }, cancellationToken);

    public async Task<RunRecord?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        return await connection.QuerySingleOrDefaultAsync<RunRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM runs WHERE id = $id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>The most recently started runs, newest first.</summary>
    public async Task<IReadOnlyList<RunRecord>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = await connection.QueryAsync<RunRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM runs ORDER BY id DESC LIMIT $count", new { count }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// The most recently started run of this kind that succeeded; for kind forecast, the active forecast.
    /// "Most recently started" rather than "last to finish" so that a slow run on older data never replaces a newer one.
    /// </summary>
    public async Task<RunRecord?> LatestSucceededAsync(string kind, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        return await connection.QuerySingleOrDefaultAsync<RunRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM runs WHERE kind = $kind AND status = 'succeeded' ORDER BY id DESC LIMIT 1",
            new { kind }, cancellationToken: cancellationToken));
    }

    /// <summary>A run's forecast rows, optionally for one location, one SKU and a date range (inclusive), ordered by location, SKU and date.</summary>
    public async Task<IReadOnlyList<ForecastRow>> ForecastsAsync(
        long runId, string? location = null, string? sku = null, DateOnly? from = null, DateOnly? to = null,
        CancellationToken cancellationToken = default)
    {
        var filter = new ForecastFilter(location, sku, from, to);
        using var connection = store.Open();
        var rows = await connection.QueryAsync<ForecastRow>(new CommandDefinition(
            $"SELECT {ForecastColumns} FROM forecasts WHERE {Where(filter)} ORDER BY ALL",
            Parameters(runId, filter), cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// <paramref name="limit"/> forecast rows of a run from row <paramref name="offset"/> on, in the order of
    /// <see cref="ForecastsAsync"/>, with the number of rows the filter matches.
    /// </summary>
    public async Task<ForecastPage> ForecastPageAsync(long runId, ForecastFilter filter, long offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var parameters = Parameters(runId, filter);
        parameters.Add("offset", offset);
        parameters.Add("limit", limit);
        using var connection = store.Open();
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM forecasts WHERE {Where(filter)}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<ForecastRow>(new CommandDefinition(
            $"SELECT {ForecastColumns} FROM forecasts WHERE {Where(filter)} ORDER BY ALL LIMIT $limit OFFSET $offset",
            parameters, cancellationToken: cancellationToken));
        return new ForecastPage(rows.AsList(), total);
    }

    /// <summary>
    /// Writes one run's forecasts to <paramref name="path"/> with DuckDB's COPY, ordered by location, SKU and date,
    /// with the columns location, sku, date, forecast, p10, p50, p90, p95, model (a header row and ISO dates in CSV).
    /// The same rows always give a byte-identical file. The file is written beside the target and moved over it, so
    /// a failed export leaves no half-written file.
    /// </summary>
    /// <param name="format">"csv" or "parquet".</param>
    /// <exception cref="KeyNotFoundException">No run has this id.</exception>
    public Task ExportForecastsAsync(long runId, string path, string format, CancellationToken cancellationToken = default) =>
        ExportForecastsAsync(runId, ForecastFilter.All, path, format, cancellationToken);

    /// <summary>
    /// As above, for the rows <paramref name="filter"/> matches. In CSV, a text cell that a spreadsheet would read as a
    /// formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) is written with a
    /// leading apostrophe, so that opening an export can never run one.
    /// </summary>
    public async Task ExportForecastsAsync(long runId, ForecastFilter filter, string path, string format, CancellationToken cancellationToken = default)
    {
        var (options, columns) = format.ToLowerInvariant() switch
        {
            "csv" => ("FORMAT csv, HEADER true, DELIMITER ','",
                $"{Neutralised("location")}, {Neutralised("sku")}, date, forecast, p10, p50, p90, p95, {Neutralised("model")}"),
            "parquet" => ("FORMAT parquet", ForecastColumns),
            _ => throw new ArgumentException($"Unknown export format '{format}': use csv or parquet.", nameof(format)),
        };
        var target = Path.GetFullPath(path);
        var temporary = target + ".tmp";
        using var connection = store.Open();
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM runs WHERE id = $runId", new { runId }, cancellationToken: cancellationToken)) == 0)
            throw new KeyNotFoundException($"There is no run {runId}.");
        try
        {
            // COPY takes no parameters: the filtered rows go to a temporary table of this connection first (a
            // parameterised query), and the path is quoted as a SQL string literal.
            await connection.ExecuteAsync(new CommandDefinition(
                $"CREATE TEMP TABLE export AS SELECT {ForecastColumns} FROM forecasts WHERE {Where(filter)}",
                Parameters(runId, filter), cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition($"""
                COPY (SELECT {columns} FROM (SELECT * FROM export ORDER BY ALL))
                TO '{temporary.Replace("'", "''")}' ({options})
                """, cancellationToken: cancellationToken));
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    static string Neutralised(string column) =>
        $"CASE WHEN regexp_matches({column}, '^[=+\\-@\\t\\r]') THEN '''' || {column} ELSE {column} END AS {column}";

    static string Where(ForecastFilter filter)
    {
        var where = new List<string> { "run_id = $runId" };
        if (filter.Location is not null) where.Add("location = $location");
        if (filter.Sku is not null) where.Add("sku = $sku");
        if (filter.From is not null) where.Add("date >= $from");
        if (filter.To is not null) where.Add("date <= $to");
        return string.Join(" AND ", where);
    }

    static DynamicParameters Parameters(long runId, ForecastFilter filter) =>
        new(new { runId, location = filter.Location, sku = filter.Sku, from = filter.From, to = filter.To });

    static void RequireRunning(DuckDBConnection connection, System.Data.IDbTransaction transaction, long id)
    {
        var status = connection.ExecuteScalar<string?>("SELECT status FROM runs WHERE id = $id", new { id }, transaction)
            ?? throw new KeyNotFoundException($"There is no run {id}.");
        if (status != "running")
            throw new InvalidOperationException($"Run {id} has already ended ({status}).");
    }

    static void Require(string value, string[] allowed, string name)
    {
        if (!allowed.Contains(value))
            throw new ArgumentException($"'{value}' is not one of {string.Join(", ", allowed)}.", name);
    }

    // ORDER BY ALL sorts by location, sku, date first, then by the other columns so that ties cannot reorder.
    const string ForecastColumns = "location, sku, date, forecast, p10, p50, p90, p95, model";

    const string Columns = """
        id, kind, trigger, parameters, data_version AS DataVersion, started, finished, status, progress, phase,
        metrics, error, model_id AS ModelId
        """;

    /// <summary>The first succeeded forecast run that used a model: the one that trained it; null when none.</summary>
    public async Task<RunRecord?> TrainingRunAsync(long modelId, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        return await connection.QuerySingleOrDefaultAsync<RunRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM runs WHERE model_id = $modelId AND kind = 'forecast' AND status = 'succeeded' ORDER BY id LIMIT 1",
            new { modelId }, cancellationToken: cancellationToken));
    }

    /// <summary>The model that produced each series' forecast in a run, by location and SKU.</summary>
    public async Task<IReadOnlyDictionary<(string Location, string Sku), string>> SeriesModelsAsync(long runId, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = await connection.QueryAsync<(string Location, string Sku, string Model)>(new CommandDefinition(
            "SELECT location, sku, any_value(model) FROM forecasts WHERE run_id = $runId GROUP BY location, sku",
            new { runId }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => (r.Location, r.Sku), r => r.Model);
    }

    /// <summary>A run's error profile; null when the run stored none (a run without calibration actuals).</summary>
    public async Task<ErrorProfile?> ErrorProfileAsync(long runId, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = await connection.QueryAsync<(double ScaleFrom, int Periods, double Error)>(new CommandDefinition(
            "SELECT scale_from, periods, error FROM forecast_error_profile WHERE run_id = $runId ORDER BY scale_from, periods, rank",
            new { runId }, cancellationToken: cancellationToken));
        var groups = rows.GroupBy(r => r.ScaleFrom).Select(g => new ErrorProfile.Group(g.Key,
            g.GroupBy(r => r.Periods).Select(p => p.Select(r => r.Error).ToArray()).ToList())).ToList();
        return groups.Count == 0 ? null : new ErrorProfile(groups);
    }

    /// <summary>A run's interval offsets of the total (location null) and of each location, by location and level.</summary>
    public async Task<IReadOnlyList<AggregateInterval>> AggregateIntervalsAsync(long runId, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = await connection.QueryAsync<AggregateInterval>(new CommandDefinition(
            "SELECT location, level, \"offset\" FROM forecast_aggregate_intervals WHERE run_id = $runId ORDER BY location NULLS FIRST, level",
            new { runId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Each forecast series' mean demand per period at the run's cutoff, in units, ordered by location and SKU.</summary>
    public async Task<IReadOnlyList<SeriesScale>> ScalesAsync(long runId, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = await connection.QueryAsync<SeriesScale>(new CommandDefinition(
            "SELECT location, sku, scale, error_scale AS errorscale FROM forecast_scales WHERE run_id = $runId ORDER BY location, sku",
            new { runId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// One series' calibration backtests in the latest succeeded forecast run that made them (a run that predicts with
    /// the active model makes none), by origin then date; the run's id, or null and nothing when no run has them.
    /// </summary>
    public async Task<(long? RunId, IReadOnlyList<BacktestPoint> Points)> LatestBacktestsAsync(string location, string sku, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var parameters = new { location, sku };
        var runId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            SELECT max(b.run_id) FROM forecast_backtests b JOIN runs r ON r.id = b.run_id
            WHERE r.status = 'succeeded' AND b.location = $location AND b.sku = $sku
            """, parameters, cancellationToken: cancellationToken));
        if (runId is null)
            return (null, []);
        var rows = await connection.QueryAsync<BacktestPoint>(new CommandDefinition("""
            SELECT location, sku, origin, date, actual, forecast, naive FROM forecast_backtests
            WHERE run_id = $runId AND location = $location AND sku = $sku ORDER BY origin, date
            """, new { runId, location, sku }, cancellationToken: cancellationToken));
        return (runId, rows.AsList());
    }

    /// <summary>The top feature contributions of one series' forecast in a run, by rank.</summary>
    public async Task<IReadOnlyList<ForecastExplanation>> ExplanationsAsync(long runId, string location, string sku, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = await connection.QueryAsync<ForecastExplanation>(new CommandDefinition("""
            SELECT location, sku, rank, feature, contribution FROM forecast_explanations
            WHERE run_id = $runId AND location = $location AND sku = $sku ORDER BY rank
            """, new { runId, location, sku }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
