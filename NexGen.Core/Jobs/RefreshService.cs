using System.Text.Json;
using Microsoft.Extensions.Logging;
using NexGen.Core.Forecasting;
using NexGen.Core.Ingestion;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Core.Jobs;

/// <summary>
/// The refresh the scheduler runs (and "trigger now"): load the SQL sources of the settings (incrementally), forecast,
/// retraining the model or predicting with the active one, then replenishment (when the store has inventory) and its alerts, recorded as a <c>refresh</c> run beside the
/// forecast and replenishment runs it starts. Critical alerts that the previous replenishment run did not have are
/// posted to the webhooks. A forecast already running (the button,
/// the API) is never started twice: the refresh waits in the queue behind it, and its run's phase says so. A failure
/// ends the run as failed with the reason; whether it is worth retrying is left to the caller
/// (<see cref="RefreshResult.Transient"/>), and the last failure is posted to the webhooks.
/// </summary>
public sealed class RefreshService(
    DuckDbStore store, SqlSourceLoader sources, ForecastService forecasts, RunStore runs, ReplenishmentService replenishment, ReplenishmentStore replenishments,
    WebhookNotifier notifier, ILogger<RefreshService> logger)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How often a queued refresh looks whether the forecast ahead of it has finished.</summary>
    public TimeSpan QueuePoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs one refresh to its end.</summary>
    /// <param name="request">Retrain or predict, trigger, horizon and attempt.</param>
    /// <param name="finalAttempt">Whether a failure is final (no retry follows), which is when webhooks hear of it.</param>
    public async Task<RefreshResult> RunAsync(RefreshRequest request, bool finalAttempt, CancellationToken cancellationToken = default)
    {
        var (_, completion) = await StartAsync(request, finalAttempt, waitForOthers: true, cancellationToken);
        return await completion;
    }

    /// <summary>One refresh at a time, whoever starts it (the schedule, "trigger now", the API).</summary>
    readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The id of the refresh holding the gate; 0 when none.</summary>
    long _running;

    /// <summary>The refresh running now (holding the one-at-a-time gate), or null.</summary>
    public long? Running => Interlocked.Read(ref _running) is var id and not 0 ? id : null;

    /// <summary>
    /// Records the refresh run and starts it in the background: its id now, its result when it ends. Refreshes go one at
    /// a time: with <paramref name="waitForOthers"/> (the scheduler) this one waits behind a running refresh, its phase
    /// saying so; without (the API) it is refused with <see cref="RunInProgressException"/> naming the running one.
    /// </summary>
    public async Task<(long Id, Task<RefreshResult> Completion)> StartAsync(RefreshRequest request, bool finalAttempt, bool waitForOthers = true,
        CancellationToken cancellationToken = default)
    {
        var holding = !waitForOthers && await _gate.WaitAsync(0, cancellationToken);
        if (!waitForOthers && !holding)
            throw new RunInProgressException(Interlocked.Read(ref _running), "Refresh");
        try
        {
            var id = await runs.StartAsync("refresh", request.Trigger, JsonSerializer.Serialize(request, Json), null, cancellationToken);
            if (holding)
                Interlocked.Exchange(ref _running, id);
            return (id, Task.Run(() => ExecuteAsync(id, request, finalAttempt, holding, cancellationToken), CancellationToken.None));
        }
        catch
        {
            if (holding)
                _gate.Release();
            throw;
        }
    }

    async Task<RefreshResult> ExecuteAsync(long id, RefreshRequest request, bool finalAttempt, bool holding, CancellationToken cancellationToken)
    {
        await using var alive = runs.KeepAlive(id);
        try
        {
            if (!holding)
            {
                if (!await _gate.WaitAsync(0, CancellationToken.None))
                {
                    await runs.ReportProgressAsync(id, 0, $"waiting for refresh run #{Interlocked.Read(ref _running)} to finish", cancellationToken);
                    await _gate.WaitAsync(cancellationToken);
                }
                holding = true;
                Interlocked.Exchange(ref _running, id);
            }
            return await RefreshAsync(id, request, finalAttempt, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await runs.FailAsync(id, cancelled: true, "cancelled", CancellationToken.None);
            return new RefreshResult((await runs.FindAsync(id, CancellationToken.None))!, Transient: false);
        }
        finally
        {
            if (holding)
            {
                Interlocked.Exchange(ref _running, 0);
                _gate.Release();
            }
        }
    }

    async Task<RefreshResult> RefreshAsync(long id, RefreshRequest request, bool finalAttempt, CancellationToken cancellationToken)
    {
        try
        {
            var ingested = await LoadSourcesAsync(id, cancellationToken);
            var forecast = await ForecastWhenFreeAsync(id, request, cancellationToken);
            if (forecast.Status != "succeeded")
                throw new RefreshFailedException($"forecast run #{forecast.Id} {forecast.Status}: {forecast.Error}");
            var previous = await replenishments.LatestRunAsync(cancellationToken);
            var planned = await ReplenishAsync(id, cancellationToken);
            var metrics = JsonSerializer.Serialize(new
            {
                rowsIngested = ingested,
                forecastRun = forecast.Id,
                replenishmentRun = planned?.Run.Id,
                orders = planned?.Plan.Lines.Count(l => l.OrderQuantity > 0),
                alerts = planned?.Plan.Alerts.Count,
                request.Retrain,
                request.Attempt,
            }, Json);
            await runs.ReportProgressAsync(id, 1, $"forecast run #{forecast.Id}, model {forecast.ModelId}: {ModelChoice(forecast)}; " +
                (planned is null ? "no inventory, so no replenishment" : $"replenishment run #{planned.Value.Run.Id}: {planned.Value.Plan.Alerts.Count} alerts"), cancellationToken);
            await runs.CompleteAsync(id, metrics, forecast.ModelId, [], cancellationToken);
            if (planned is { } done)
                await NotifyNewCriticalAlertsAsync(id, request.Trigger, previous, done.Plan);
            return new RefreshResult((await runs.FindAsync(id, CancellationToken.None))!, Transient: false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await runs.FailAsync(id, cancelled: true, "cancelled", CancellationToken.None);
            return new RefreshResult((await runs.FindAsync(id, CancellationToken.None))!, Transient: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var transient = TransientErrors.IsTransient(e);
            var retry = transient && !finalAttempt;
            var error = $"{e.Message}{(retry ? $" (attempt {request.Attempt}; transient, will retry)" : "")}";
            logger.LogWarning("Refresh run {Run} failed: {Error}", id, error);
            await runs.FailAsync(id, cancelled: false, error, CancellationToken.None);
            if (!retry)
                _ = notifier.NotifyAsync(new WebhookPayload("run_failed", id, request.Trigger, DateTime.UtcNow,
                    $"NexGen refresh run #{id} failed: {e.Message}", new { error = e.Message, request.Attempt, request.Retrain }));
            return new RefreshResult((await runs.FindAsync(id, CancellationToken.None))!, transient);
        }
    }

    /// <summary>
    /// Loads every source of the settings, in order, each above its watermark; returns the rows imported. A source that
    /// fails or is rejected fails the refresh (a failure to reach it is transient, so the refresh is retried).
    /// </summary>
    async Task<long> LoadSourcesAsync(long id, CancellationToken cancellationToken)
    {
        long rows = 0;
        foreach (var source in sources.Sources)
        {
            await runs.ReportProgressAsync(id, 0.01, $"loading source {source.Name}", cancellationToken);
            var report = await sources.LoadAsync(source.Name, cancellationToken: cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (report.Status != ImportStatus.Succeeded)
                throw new RefreshFailedException(report.Message, report.Transient);
            rows += report.RowsImported;
        }
        return rows;
    }

    /// <summary>Replenishment on the new forecast; null when the store has no inventory to plan from.</summary>
    async Task<(ReplenishmentRunRecord Run, ReplenishmentPlan Plan)?> ReplenishAsync(long id, CancellationToken cancellationToken)
    {
        if (await new ReplenishmentDataLoader(store).LatestInventoryDateAsync(cancellationToken) is null)
            return null;
        await runs.ReportProgressAsync(id, 0.95, "replenishment", cancellationToken);
        return await replenishment.RunAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Posts the critical alerts (stock-outs) that the previous replenishment run did not raise, if any.</summary>
    async Task NotifyNewCriticalAlertsAsync(long id, string trigger, ReplenishmentRunRecord? previous, ReplenishmentPlan plan)
    {
        var known = previous is null ? [] : (await replenishments.AlertsAsync(previous.Id, int.MaxValue))
            .Where(a => a.Severity == AlertSeverity.Critical).Select(a => (a.Location, a.Sku, a.Kind)).ToHashSet();
        var fresh = plan.Alerts.Where(a => a.Severity == AlertSeverity.Critical && !known.Contains((a.Location, a.Sku, a.Kind))).ToList();
        if (fresh.Count == 0)
            return;
        _ = notifier.NotifyAsync(new WebhookPayload("alerts", id, trigger, DateTime.UtcNow,
            $"NexGen: {fresh.Count} new critical alert{(fresh.Count == 1 ? "" : "s")}, {fresh.Sum(a => a.ValueAtRisk):N0} at risk",
            fresh.Take(20).Select(a => new { a.Location, a.Sku, a.Kind, a.Message, a.ValueAtRisk, a.Date })));
    }

    /// <summary>What the forecast run did with the model ("retrained", "forecast with model 3", ...), from its metrics.</summary>
    static string ModelChoice(RunRecord forecast)
    {
        using var metrics = JsonDocument.Parse(forecast.Metrics ?? "{}");
        return metrics.RootElement.TryGetProperty("model", out var model) ? model.GetString() ?? "" : "";
    }

    /// <summary>Starts the forecast, first waiting behind a run that is already going.</summary>
    async Task<RunRecord> ForecastWhenFreeAsync(long id, RefreshRequest request, CancellationToken cancellationToken)
    {
        var forecast = new ForecastRunRequest(request.Horizon, Trigger: request.Trigger) { Retrain = request.Retrain };
        while (true)
        {
            try
            {
                await runs.ReportProgressAsync(id, 0.05, request.Retrain ? "forecasting (retraining)" : "forecasting (active model)", cancellationToken);
                return await forecasts.RunAsync(forecast, cancellationToken);
            }
            catch (RunInProgressException busy)
            {
                await runs.ReportProgressAsync(id, 0, $"queued behind forecast run #{busy.RunId}", cancellationToken);
                while (forecasts.IsRunning)
                    await Task.Delay(QueuePoll, cancellationToken);
            }
        }
    }
}
