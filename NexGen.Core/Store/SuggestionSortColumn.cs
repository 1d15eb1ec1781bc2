namespace NexGen.Core.Store;

/// <summary>The columns a <see cref="SuggestionQuery"/> can sort by.</summary>
public enum SuggestionSortColumn
{
    /// <summary>Location, then sku.</summary>
    Series,
    /// <summary>Units on the purchase-order line (else the suggestion).</summary>
    Quantity,
    /// <summary>Units on the line x unit cost.</summary>
    Value,
    /// <summary>Projected stock at the end of the lead time (IP - D_L), lowest is the most urgent.</summary>
    ProjectedStock,
}
