using NexGen.Core.Store;

namespace NexGen.Web.Api;

/// <summary>One page of a run's forecast rows (<paramref name="Page"/> from 1) and how many rows match in all.</summary>
public sealed record ForecastsResponse(long RunId, int Page, int PageSize, long Total, IReadOnlyList<ForecastRow> Rows);
