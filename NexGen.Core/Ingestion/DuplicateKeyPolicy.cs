namespace NexGen.Core.Ingestion;

/// <summary>What an import does when a file repeats a key (e.g. the same location, SKU and date twice).</summary>
public enum DuplicateKeyPolicy
{
    /// <summary>Add up the measures of the repeated rows (quantity, on hand); reported as a warning.</summary>
    Sum,

    /// <summary>Reject the file; each repeat is reported as an error.</summary>
    Reject,
}
