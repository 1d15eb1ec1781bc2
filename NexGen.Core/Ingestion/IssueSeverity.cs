namespace NexGen.Core.Ingestion;

public enum IssueSeverity
{
    /// <summary>The file is rejected.</summary>
    Error,

    /// <summary>The file is imported; the planner should know.</summary>
    Warning,
}
