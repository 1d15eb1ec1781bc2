using Microsoft.Extensions.Options;
using Quartz;

namespace NexGen.Core.Jobs;

/// <summary>
/// The Quartz job of the scheduled refresh. Its triggers carry the mode (<see cref="RetrainKey"/>) and the trigger
/// name recorded with the run. Never two at once (<see cref="DisallowConcurrentExecutionAttribute"/>); a refresh that
/// failed on a transient error schedules its own retry, after <see cref="RefreshScheduleOptions.RetryDelay"/> doubled for
/// each earlier attempt, until <see cref="RefreshScheduleOptions.MaxRetries"/>; then it stays failed and the webhooks hear.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RefreshJob(RefreshService refresh, IOptions<RefreshScheduleOptions> options) : IJob
{
    public static readonly JobKey Key = new("refresh", "nexgen");

    /// <summary>Job data: "true" to retrain, "false" to forecast with the active model.</summary>
    public const string RetrainKey = "retrain";

    /// <summary>Job data: the attempt number (1 when absent).</summary>
    public const string AttemptKey = "attempt";

    /// <summary>Job data: schedule (default), manual or api.</summary>
    public const string TriggerKey = "trigger";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var settings = options.Value;
        var attempt = data.ContainsKey(AttemptKey) ? int.Parse(data.GetString(AttemptKey)!, System.Globalization.CultureInfo.InvariantCulture) : 1;
        var request = new RefreshRequest(
            Retrain: !data.ContainsKey(RetrainKey) || bool.Parse(data.GetString(RetrainKey)!),
            Trigger: data.ContainsKey(TriggerKey) ? data.GetString(TriggerKey)! : "schedule",
            Horizon: settings.Horizon,
            Attempt: attempt);
        var finalAttempt = attempt > settings.MaxRetries;
        var result = await refresh.RunAsync(request, finalAttempt, cancellationToken);
        context.Result = $"run #{result.Run.Id} {result.Run.Status}";
        if (!result.Transient || finalAttempt)
            return;
        var delay = settings.RetryDelay * Math.Pow(2, attempt - 1);
        await context.Scheduler.ScheduleJob(TriggerBuilder.Create()
            .ForJob(Key)
            .WithIdentity($"retry-{result.Run.Id}", "nexgen-retries")
            .UsingJobData(RetrainKey, request.Retrain.ToString())
            .UsingJobData(TriggerKey, request.Trigger)
            .UsingJobData(AttemptKey, (attempt + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .StartAt(DateTimeOffset.UtcNow + delay)
            .Build(), new ScheduleJobOptions(), cancellationToken);
    }
}
