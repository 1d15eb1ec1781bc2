namespace NexGen.Core.Store;

/// <summary>One page of a run's forecast rows and how many rows the filter matches in all.</summary>
public sealed record ForecastPage(IReadOnlyList<ForecastRow> Rows, long Total);
