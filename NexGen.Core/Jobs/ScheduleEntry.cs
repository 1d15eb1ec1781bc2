namespace NexGen.Core.Jobs;

/// <summary>One scheduled trigger of the refresh, as the monitoring page shows it.</summary>
/// <param name="Name">retrain or predict.</param>
/// <param name="Cron">The Quartz cron expression; null when the trigger is not scheduled.</param>
/// <param name="NextFire">Next fire time, UTC; null when paused or not scheduled.</param>
/// <param name="PreviousFire">Last fire time, UTC, if any.</param>
/// <param name="Paused">Whether the trigger is paused.</param>
public sealed record ScheduleEntry(string Name, string? Cron, DateTimeOffset? NextFire, DateTimeOffset? PreviousFire, bool Paused);
