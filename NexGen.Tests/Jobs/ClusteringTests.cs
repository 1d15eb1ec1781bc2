using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NexGen.Core.Jobs;
using NexGen.Tests.Ingestion;
using Quartz;

namespace NexGen.Tests.Jobs;

/// <summary>
/// Two schedulers, each in its own host, sharing one PostgreSQL through NexGen's clustered store: every fire of a
/// trigger runs exactly once across both.
/// </summary>
public class ClusteringTests
{
    const int Fires = 12;

    [Fact]
    public async Task TwoClusteredSchedulersOnOnePostgresRunEachFireExactlyOnce()
    {
        await using var postgres = await TestPostgres.CreateAsync();
        var log = new FireLog();
        using var first = await StartNodeAsync(postgres.ConnectionString, log);
        using var second = await StartNodeAsync(postgres.ConnectionString, log);

        var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        await scheduler.ScheduleJob(TriggerBuilder.Create()
            .ForJob(CountingJob.Key)
            .WithIdentity("every-second", "test")
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(1))
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromSeconds(1)).WithRepeatCount(Fires - 1))
            .Build(), new ScheduleJobOptions(), CancellationToken.None);

        var other = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        Assert.NotNull(await other.GetTrigger(new TriggerKey("every-second", "test"), CancellationToken.None));

        // A third of the way, the first instance goes away; the second carries on with the same schedule.
        await WaitForAsync(log, Fires / 3);
        await first.StopAsync();
        var handedOver = log.Fires.Count;
        await WaitForAsync(log, Fires);
        // Give a duplicate, if there were to be one, time to show up.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await second.StopAsync();

        var fires = log.Fires.ToList();
        Assert.Equal(Fires, fires.Count);
        Assert.Equal(Fires, fires.Select(f => f.Scheduled).Distinct().Count());
        Assert.Equal(other.SchedulerInstanceId, fires[^1].Instance);
        Assert.All(fires.Skip(handedOver), f => Assert.Equal(other.SchedulerInstanceId, f.Instance));
        Assert.NotEqual(scheduler.SchedulerInstanceId, other.SchedulerInstanceId);
    }

    static async Task WaitForAsync(FireLog log, int fires)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (log.Fires.Count < fires)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {log.Fires.Count} of {fires} fires ran.");
            await Task.Delay(100);
        }
    }

    static async Task<IHost> StartNodeAsync(string connectionString, FireLog log)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(log);
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseNexGenStore(new QuartzClusterOptions { Clustered = true, CheckinInterval = TimeSpan.FromSeconds(2) }, connectionString);
            quartz.AddJob<CountingJob>(job => job.WithIdentity(CountingJob.Key).StoreDurably());
        });
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    sealed class FireLog
    {
        public ConcurrentQueue<(DateTimeOffset Scheduled, string Instance)> Fires { get; } = new();
    }

    sealed class CountingJob(FireLog log) : IJob
    {
        public static readonly JobKey Key = new("count", "test");

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            log.Fires.Enqueue((context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.Scheduler.SchedulerInstanceId));
            await Task.Delay(300, cancellationToken);
        }
    }
}
