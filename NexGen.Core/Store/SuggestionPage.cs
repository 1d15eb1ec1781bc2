namespace NexGen.Core.Store;

/// <summary>One page of <see cref="StoredSuggestion"/> rows and how many match the query over all pages.</summary>
public sealed record SuggestionPage(IReadOnlyList<StoredSuggestion> Rows, int TotalCount);
