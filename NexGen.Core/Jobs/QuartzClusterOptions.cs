namespace NexGen.Core.Jobs;

/// <summary>
/// Settings of the <c>Quartz</c> section. With <see cref="Clustered"/> the schedule lives in PostgreSQL (Quartz's
/// AdoJobStore with clustering), so several NexGen instances share one schedule and each fire runs on one of them.
/// </summary>
public sealed class QuartzClusterOptions
{
    public const string SectionName = "Quartz";

    /// <summary>Share the schedule with other instances through PostgreSQL; false keeps it in memory (one instance).</summary>
    public bool Clustered { get; set; }

    /// <summary>Name of the PostgreSQL connection string (<c>ConnectionStrings:{name}</c> or an environment variable).</summary>
    public string ConnectionStringName { get; set; } = "Quartz";

    /// <summary>How often an instance tells the others it is alive; a silent one's fires are taken over after twice this.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(15);
}
