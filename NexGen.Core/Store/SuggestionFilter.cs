namespace NexGen.Core.Store;

/// <summary>Which suggestions of a run a <see cref="SuggestionQuery"/> returns.</summary>
public enum SuggestionFilter
{
    /// <summary>Series with an order (a purchase-order line), whatever its status.</summary>
    Orders,
    /// <summary>Orders still to review (status suggested).</summary>
    Suggested,
    /// <summary>Approved orders not exported yet.</summary>
    Approved,
    /// <summary>Exported orders (final).</summary>
    Exported,
    /// <summary>Every series of the run, with or without an order or a suggestion.</summary>
    All,
}
