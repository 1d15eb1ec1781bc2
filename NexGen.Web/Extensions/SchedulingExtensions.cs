using NexGen.Core.Ingestion;
using NexGen.Core.Jobs;
using Quartz;

namespace NexGen.Web.Extensions;

/// <summary>The Quartz scheduler of the refresh: the job, its two cron triggers (retrain, predict) and the hosted services.</summary>
public static class SchedulingExtensions
{
    public static WebApplicationBuilder AddNexGenScheduling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RefreshScheduleOptions>()
            .BindConfiguration(RefreshScheduleOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => Valid(o.RetrainCron) && Valid(o.PredictCron), "Scheduling: RetrainCron and PredictCron must be Quartz cron expressions (e.g. \"0 0 3 ? * MON\") or empty.")
            .Validate(o => o.Webhooks.All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"), "Scheduling: every webhook must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddSingleton<WebhookNotifier>();
        services.AddSingleton<RefreshService>();
        services.AddSingleton<SchedulerMonitor>();

        // The store is chosen at registration, from the settings the app starts with (Quartz:Clustered).
        var cluster = builder.Configuration.GetSection(QuartzClusterOptions.SectionName).Get<QuartzClusterOptions>() ?? new QuartzClusterOptions();
        var connectionString = new SourceConnectionStrings(builder.Configuration.GetConnectionString).Find(cluster.ConnectionStringName);
        services.AddQuartz(quartz =>
        {
            quartz.UseNexGenStore(cluster, connectionString);
            quartz.AddJob<RefreshJob>(job => job.WithIdentity(RefreshJob.Key).StoreDurably().WithDescription("Load sources, forecast, replenish, alert"));
        });
        services.AddHostedService<RefreshScheduleInitializer>();
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }

    static bool Valid(string cron) => string.IsNullOrWhiteSpace(cron) || CronExpression.TryParse(cron, out _);
}
