using System.Text.Json;
using Microsoft.Extensions.Logging;
using NexGen.Core.Forecasting;
using NexGen.Core.Store;

namespace NexGen.Core.Jobs;

/// <summary>
/// The refresh the scheduler runs (and "trigger now"): forecast, retraining the model or predicting with the active
/// one, recorded as a <c>refresh</c> run beside the forecast run it starts. A forecast already running (the button,
/// the API) is never started twice: the refresh waits in the queue behind it, and its run's phase says so. A failure
/// ends the run as failed with the reason; whether it is worth retrying is left to the caller
/// (<see cref="RefreshResult.Transient"/>), and the last failure is posted to the webhooks.
/// </summary>
public sealed class RefreshService(ForecastService forecasts, RunStore runs, WebhookNotifier notifier, ILogger<RefreshService> logger)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How often a queued refresh looks whether the forecast ahead of it has finished.</summary>
    public TimeSpan QueuePoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs one refresh to its end.</summary>
    /// <param name="request">Retrain or predict, trigger, horizon and attempt.</param>
    /// <param name="finalAttempt">Whether a failure is final (no retry follows), which is when webhooks hear of it.</param>
    public async Task<RefreshResult> RunAsync(RefreshRequest request, bool finalAttempt, CancellationToken cancellationToken = default)
    {
        var id = await runs.StartAsync("refresh", request.Trigger, JsonSerializer.Serialize(request, Json), null, cancellationToken);
        try
        {
            var forecast = await ForecastWhenFreeAsync(id, request, cancellationToken);
            if (forecast.Status != "succeeded")
                throw new RefreshFailedException($"forecast run #{forecast.Id} {forecast.Status}: {forecast.Error}");
            var metrics = JsonSerializer.Serialize(new { forecastRun = forecast.Id, request.Retrain, request.Attempt }, Json);
            await runs.CompleteAsync(id, metrics, forecast.ModelId, [], cancellationToken);
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
