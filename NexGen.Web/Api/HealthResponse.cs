namespace NexGen.Web.Api;

/// <summary>A health answer: <c>live</c> or <c>ready</c>, with the state of each dependency checked.</summary>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, string>? Checks);
