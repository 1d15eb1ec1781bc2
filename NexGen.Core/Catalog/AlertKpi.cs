namespace NexGen.Core.Catalog;

/// <summary>The alerts of the latest replenishment run.</summary>
/// <param name="RunId">The replenishment run.</param>
/// <param name="AsOf">The date its stock was taken at.</param>
/// <param name="Open">Alerts raised.</param>
/// <param name="Critical">Of which critical.</param>
/// <param name="ValueAtRisk">Sum of their value at risk, in currency (units x unit cost, 0 where the cost is unknown).</param>
public sealed record AlertKpi(long RunId, DateOnly AsOf, long Open, long Critical, double ValueAtRisk);
