using System.ComponentModel.DataAnnotations;

namespace NexGen.Core.Jobs;

/// <summary>Settings of the <c>Scheduling</c> section: when the refresh runs, how it retries and whom it notifies.</summary>
public sealed class RefreshScheduleOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>Whether the scheduled triggers run; the scheduler itself (trigger now, monitoring) always starts.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron of the refresh that retrains the model (default Mondays 03:00); empty = never.</summary>
    public string RetrainCron { get; set; } = "0 0 3 ? * MON";

    /// <summary>Quartz cron of the refresh that forecasts with the active model (default daily 05:00); empty = never.</summary>
    public string PredictCron { get; set; } = "0 0 5 * * ?";

    /// <summary>Time zone of the crons (an IANA or Windows id); default the machine's.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Periods a scheduled refresh forecasts.</summary>
    [Range(1, 400)]
    public int Horizon { get; set; } = 28;

    /// <summary>Retries of a refresh that failed on a transient error (a source unreachable, the store busy).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Wait before the first retry; each further retry waits twice as long.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>URLs that receive a JSON POST when a refresh fails for good or raises high-severity alerts.</summary>
    public List<string> Webhooks { get; set; } = [];

    /// <summary>How long one webhook POST may take.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
