namespace NexGen.Core.Samples;

/// <summary>One dated holiday or event, as written to events.csv.</summary>
/// <param name="Kind"><c>holiday</c> or <c>event</c>.</param>
internal sealed record RetailEvent(DateOnly Date, string Name, string Kind, RetailEventType Type);
