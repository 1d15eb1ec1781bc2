namespace NexGen.Core.Jobs;

/// <summary>What a webhook receives.</summary>
/// <param name="Event">run_failed or alerts.</param>
/// <param name="RunId">The refresh run.</param>
/// <param name="Message">One line for a chat channel.</param>
/// <param name="Details">Event-specific data (the error, the alerts).</param>
public sealed record WebhookPayload(string Event, long RunId, string Trigger, DateTime At, string Message, object? Details = null);
