using NexGen.Core.Replenishment;

namespace NexGen.Core.Store;

/// <summary>
/// One page of alerts and the totals of every alert of the run at the query's location (whatever the severity filter):
/// how many of each severity and the value at risk, in currency.
/// </summary>
/// <param name="Rows">The page, in rank order.</param>
/// <param name="TotalCount">Alerts matching the query (location and severity) over all pages.</param>
/// <param name="Critical">Critical alerts at the location.</param>
/// <param name="Warning">Warnings at the location.</param>
/// <param name="Info">Informational alerts at the location.</param>
/// <param name="ValueAtRisk">Sum of the value at risk of the alerts at the location, in currency.</param>
public sealed record AlertPage(IReadOnlyList<ReplenishmentAlert> Rows, int TotalCount, int Critical, int Warning, int Info, double ValueAtRisk);
