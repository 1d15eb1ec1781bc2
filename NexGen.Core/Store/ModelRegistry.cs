using System.Data;
using System.Globalization;
using Dapper;
using DuckDB.NET.Data;

namespace NexGen.Core.Store;

/// <summary>
/// The trained models (<c>models</c>) and the history of which one was active (<c>model_activations</c>): the active
/// model is the latest activation. Activations are only ever added, so promotions and rollbacks stay auditable.
/// </summary>
public sealed class ModelRegistry(DuckDbStore store)
{
    static readonly string[] Reasons = ["promoted", "auto", "rollback"];

    /// <summary>Records a model (its <see cref="ModelRecord.Id"/> is ignored) without activating it; returns its id.</summary>
    public Task<long> RegisterAsync(ModelRecord model, CancellationToken cancellationToken = default) =>
        RegisterAsync(model, new ModelIntervals([], []), cancellationToken);

    /// <summary>As above, with the model's interval offsets, in one transaction.</summary>
    public Task<long> RegisterAsync(ModelRecord model, ModelIntervals intervals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(intervals);
        return store.WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var id = Insert(connection, transaction, model);
            foreach (var group in intervals.Groups)
                for (var l = 0; l < intervals.Levels.Count; l++)
                    for (var h = 0; h < group.Offsets[l].Length; h++)
                        connection.Execute("INSERT INTO model_intervals VALUES ($id, $level, $horizon, $offset, $scaleFrom)",
                            new { id, level = intervals.Levels[l], horizon = h + 1, offset = group.Offsets[l][h], scaleFrom = group.ScaleFrom }, transaction);
            transaction.Commit();
            return Task.FromResult(id);
        }, cancellationToken);
    }

    /// <summary>A model's interval calibration; no levels or groups when it has none (registered without them).</summary>
    public async Task<ModelIntervals> IntervalsAsync(long id, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = (await connection.QueryAsync<(double ScaleFrom, double Level, int Horizon, double Offset)>(new CommandDefinition(
            "SELECT scale_from, level, horizon, \"offset\" FROM model_intervals WHERE model_id = $id ORDER BY scale_from, level, horizon",
            new { id }, cancellationToken: cancellationToken))).AsList();
        var levels = rows.Select(r => r.Level).Distinct().Order().ToList();
        return new ModelIntervals(levels, rows.GroupBy(r => r.ScaleFrom).Select(g => new ModelIntervals.Group(g.Key,
            levels.Select(l => g.Where(r => r.Level == l).Select(r => r.Offset).ToArray()).ToList())).ToList());
    }

    /// <summary>The active model, or null when none has been activated yet.</summary>
    public async Task<ModelRecord?> ActiveAsync(CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var id = ActiveId(connection, null);
        return id is null ? null : await connection.QuerySingleAsync<ModelRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM models WHERE id = $id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Every registered model, newest first, each with whether it is the active one.</summary>
    public async Task<IReadOnlyList<(ModelRecord Model, bool Active)>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var models = await connection.QueryAsync<ModelRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM models ORDER BY id DESC", cancellationToken: cancellationToken));
        var active = ActiveId(connection, null);
        return models.Select(m => (m, m.Id == active)).ToList();
    }

    /// <summary>Makes a registered model the active one; promoting the active model changes nothing.</summary>
    /// <param name="reason">promoted, auto or rollback, recorded with the activation.</param>
    /// <exception cref="KeyNotFoundException">No model has this id.</exception>
    public Task PromoteAsync(long id, string reason = "promoted", CancellationToken cancellationToken = default)
    {
        if (!Reasons.Contains(reason))
            throw new ArgumentException($"'{reason}' is not one of {string.Join(", ", Reasons)}.", nameof(reason));
        return store.WriteAsync(connection =>
        {
            if (connection.ExecuteScalar<long>("SELECT count(*) FROM models WHERE id = $id", new { id }) == 0)
                throw new KeyNotFoundException($"There is no model {id}; `models list` shows the registered ones.");
            if (ActiveId(connection, null) != id)
                Activate(connection, null, id, reason);
            return Task.FromResult(0);
        }, cancellationToken);
    }

    /// <summary>
    /// Re-activates the model that was active before the current one and returns it. Repeated rollbacks keep walking
    /// back: the history is replayed as a stack where a promotion pushes and a rollback pops, so rolling back twice
    /// from C after A, B, C gives B then A (not B, C, B, ...). Entries of the current model are skipped.
    /// </summary>
    /// <exception cref="InvalidOperationException">No model was active before the current one.</exception>
    public Task<ModelRecord> RollbackAsync(CancellationToken cancellationToken = default) =>
        store.WriteAsync(connection =>
        {
            var stack = ActivationStack(connection);
            var current = stack.Count > 0 ? stack[^1] : (long?)null;
            while (stack.Count > 0 && stack[^1] == current)
                stack.RemoveAt(stack.Count - 1);
            if (stack.Count == 0)
                throw new InvalidOperationException("There is no earlier model to roll back to.");
            var target = stack[^1];
            Activate(connection, null, target, "rollback");
            return Task.FromResult(connection.QuerySingle<ModelRecord>($"SELECT {Columns} FROM models WHERE id = $target", new { target }));
        }, cancellationToken);

    /// <summary>
    /// Activates a registered model (reason <c>auto</c>) only when no model is active or its backtest WRMSSE is no
    /// worse than the active one's x (1 + <paramref name="tolerance"/>); a model without a WRMSSE never replaces one
    /// with it. Called after the model's forecasts are written, so a failed run never changes the active model.
    /// </summary>
    public Task<(bool Activated, string Reason)> ActivateIfNoWorseAsync(long id, double tolerance = 0, CancellationToken cancellationToken = default)
    {
        if (!double.IsFinite(tolerance) || tolerance < 0)
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be a fraction of at least 0.");
        return store.WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var model = connection.QuerySingleOrDefault<ModelRecord>($"SELECT {Columns} FROM models WHERE id = $id", new { id }, transaction)
                ?? throw new KeyNotFoundException($"There is no model {id}.");
            var activeId = ActiveId(connection, transaction);
            var active = activeId is null || activeId == id ? null : connection.QuerySingle<ModelRecord>(
                $"SELECT {Columns} FROM models WHERE id = $activeId", new { activeId }, transaction);
            var (activate, reason) = activeId == id ? (false, "already active") : Decide(Finite(model.Wrmsse), active, tolerance);
            if (activate)
                Activate(connection, transaction, id, "auto");
            transaction.Commit();
            return Task.FromResult((activate, reason));
        }, cancellationToken);
    }

    static (bool Activate, string Reason) Decide(double? wrmsse, ModelRecord? active, double tolerance)
    {
        if (active is null)
            return (true, "activated: no model was active");
        if (wrmsse is null)
            return (false, $"not activated: the new model has no WRMSSE to compare with model {active.Id}'s");
        if (Finite(active.Wrmsse) is not { } current)
            return (false, $"not activated: the active model {active.Id} has no WRMSSE to compare with");
        var limit = current * (1 + tolerance);
        var comparison = tolerance == 0
            ? F($"model {active.Id}'s {current:0.####}")
            : F($"model {active.Id}'s {current:0.####} × {1 + tolerance:0.####} = {limit:0.####}");
        return wrmsse <= limit
            ? (true, F($"activated: WRMSSE {wrmsse:0.####} is no worse than {comparison}"))
            : (false, F($"not activated: WRMSSE {wrmsse:0.####} is worse than {comparison}"));
    }

    static long Insert(DuckDBConnection connection, IDbTransaction? transaction, ModelRecord model)
    {
        var id = connection.ExecuteScalar<long>("SELECT nextval('model_ids')", transaction: transaction);
        connection.Execute("""
            INSERT INTO models VALUES ($Id, $Created, $Kind, $Parameters, $TrainingFrom, $TrainingTo, $FeatureSpec,
                                       $BacktestMetrics, $Wrmsse, $Path, $Hash)
            """, model with { Id = id }, transaction);
        return id;
    }

    // The latest activation wins; Activate keeps the timestamps strictly increasing so "latest" is never a tie.
    static long? ActiveId(DuckDBConnection connection, IDbTransaction? transaction) =>
        connection.ExecuteScalar<long?>("SELECT model_id FROM model_activations ORDER BY activated DESC LIMIT 1", transaction: transaction);

    static void Activate(DuckDBConnection connection, IDbTransaction? transaction, long id, string reason) =>
        connection.Execute("""
            INSERT INTO model_activations
            SELECT $id, greatest($now, (SELECT max(activated) FROM model_activations) + INTERVAL 1 MICROSECOND), $reason
            """, new { id, now = DateTime.UtcNow, reason }, transaction);

    static List<long> ActivationStack(DuckDBConnection connection)
    {
        var stack = new List<long>();
        foreach (var (modelId, reason) in connection.Query<(long, string)>("SELECT model_id, reason FROM model_activations ORDER BY activated"))
        {
            if (reason == "rollback" && stack.Contains(modelId))
            {
                while (stack[^1] != modelId)
                    stack.RemoveAt(stack.Count - 1);
            }
            else
            {
                stack.Add(modelId);
            }
        }
        return stack;
    }

    static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    const string Columns = """
        id, created, kind, parameters, training_from AS TrainingFrom, training_to AS TrainingTo,
        feature_spec AS FeatureSpec, backtest_metrics AS BacktestMetrics, wrmsse, path, hash
        """;
}
