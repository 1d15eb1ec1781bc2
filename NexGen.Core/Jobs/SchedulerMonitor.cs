using Quartz;

namespace NexGen.Core.Jobs;

/// <summary>
/// What the monitoring page reads and does: the refresh's triggers with their next and previous fire times, pause and
/// resume, and "trigger now" (recorded as a manual refresh). The last results are the <c>refresh</c> runs in run history.
/// </summary>
public sealed class SchedulerMonitor(ISchedulerFactory factory)
{
    public static readonly TriggerKey Retrain = new("retrain", "nexgen");
    public static readonly TriggerKey Predict = new("predict", "nexgen");

    static readonly TriggerKey[] Keys = [Retrain, Predict];

    public async Task<IReadOnlyList<ScheduleEntry>> EntriesAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var entries = new List<ScheduleEntry>();
        foreach (var key in Keys)
        {
            var trigger = await scheduler.GetTrigger(key, cancellationToken);
            var paused = trigger is not null && await scheduler.GetTriggerState(key, cancellationToken) == TriggerState.Paused;
            entries.Add(new ScheduleEntry(key.Name, (trigger as ICronTrigger)?.CronExpressionString,
                paused ? null : trigger?.NextFireTimeUtc, trigger?.PreviousFireTimeUtc, paused));
        }
        return entries;
    }

    /// <summary>Pauses (true) or resumes (false) one trigger; a trigger that is not scheduled is left alone.</summary>
    /// <param name="name">retrain or predict.</param>
    public async Task PauseAsync(string name, bool pause, CancellationToken cancellationToken = default)
    {
        var key = Keys.SingleOrDefault(k => k.Name == name) ?? throw new ArgumentException($"There is no trigger '{name}'; use retrain or predict.", nameof(name));
        var scheduler = await factory.GetScheduler(cancellationToken);
        if (pause)
            await scheduler.PauseTrigger(key, cancellationToken);
        else
            await scheduler.ResumeTrigger(key, cancellationToken);
    }

    /// <summary>Starts a refresh now, outside the schedule; it queues behind a forecast that is already running.</summary>
    /// <param name="retrain">Retrain the model, or forecast with the active one.</param>
    /// <param name="trigger">manual or api, recorded with the run.</param>
    public async Task TriggerNowAsync(bool retrain, string trigger = "manual", CancellationToken cancellationToken = default)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(RefreshJob.Key, new JobDataMap
        {
            [RefreshJob.RetrainKey] = retrain.ToString(),
            [RefreshJob.TriggerKey] = trigger,
        }, cancellationToken);
    }
}
