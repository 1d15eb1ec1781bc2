using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace NexGen.Core.Jobs;

/// <summary>
/// Puts the refresh's cron triggers (retrain, predict) in the scheduler at start-up from the <c>Scheduling</c>
/// settings, replacing what a persistent store kept from an earlier start, so a changed cron takes effect and a
/// removed one stops. A missed fire (the app was down) runs once when the scheduler is back, then the schedule goes on.
/// </summary>
public sealed class RefreshScheduleInitializer(ISchedulerFactory factory, IOptions<RefreshScheduleOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var scheduler = await factory.GetScheduler(cancellationToken);
        await Schedule(scheduler, SchedulerMonitor.Retrain, settings.Enabled ? settings.RetrainCron : "", retrain: true, settings.TimeZone, cancellationToken);
        await Schedule(scheduler, SchedulerMonitor.Predict, settings.Enabled ? settings.PredictCron : "", retrain: false, settings.TimeZone, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    static async Task Schedule(IScheduler scheduler, TriggerKey key, string cron, bool retrain, string? timeZone, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            await scheduler.UnscheduleJob(key, cancellationToken);
            return;
        }
        var schedule = CronScheduleBuilder.Create(cron).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);
        if (timeZone is not null)
            schedule = schedule.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        var trigger = TriggerBuilder.Create()
            .ForJob(RefreshJob.Key)
            .WithIdentity(key)
            .UsingJobData(RefreshJob.RetrainKey, retrain.ToString())
            .WithSchedule(schedule)
            .Build();
        if (await scheduler.GetTrigger(key, cancellationToken) is null)
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
        else
            await scheduler.RescheduleJob(key, trigger, cancellationToken);
    }
}
