using Dapper;
using NexGen.Core.Features;
using NexGen.Core.Forecasting.Baselines;
using NexGen.Core.Store;

namespace NexGen.Core.Replenishment.Simulation;

/// <summary>
/// The items of a simulation: every series of the panel with its effective replenishment parameters
/// (<see cref="ParameterResolver"/>: settings, overrides and the products table's pack size, MOQ, maximum order
/// quantity and lead time) and unit cost, converted to periods of the panel's grain.
/// </summary>
public static class SimulationItems
{
    /// <summary>Loads products and resolves each series' parameters.</summary>
    /// <param name="store">The store whose <c>products</c> table is read (it may be empty).</param>
    /// <param name="panel">The sales panel being simulated.</param>
    /// <param name="options">Replenishment defaults and overrides.</param>
    /// <param name="from">First simulated period: EOQ lot sizes use the mean demand of the year before it.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    public static async Task<IReadOnlyList<SimulatedItem>> LoadAsync(DuckDbStore store, SalesPanel panel, ReplenishmentOptions options, int from,
        CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var products = (await connection.QueryAsync<(string Sku, string? Category, double? UnitCost, int? PackSize, double? MinOrderQty, double? MaxOrderQty, int? LeadTimeDays)>(
            new CommandDefinition("""
                SELECT sku, category, unit_cost, pack_size, min_order_qty, max_order_qty, lead_time_days FROM products ORDER BY sku
                """, cancellationToken: cancellationToken)))
            .ToDictionary(p => p.Sku, StringComparer.Ordinal);
        return panel.Series.Select(series =>
        {
            var product = products.GetValueOrDefault(series.Sku);
            var parameters = ParameterResolver.Resolve(options,
                new ProductParameters(series.Sku, product.Category ?? series.Category, product.PackSize, product.MinOrderQty, product.MaxOrderQty, product.LeadTimeDays),
                series.Location);
            if (parameters.Problems.Count > 0)
                throw new InvalidOperationException($"{series.Location}/{series.Sku}: {parameters.Problems[0].Message}");
            var leadTime = (int)Math.Ceiling(parameters.LeadTimeDays.Value / (double)panel.PeriodDays - 1e-9);
            var review = Math.Max(1, (int)Math.Round(parameters.ReviewPeriodDays.Value / (double)panel.PeriodDays));
            var unitCost = product.UnitCost is > 0 ? product.UnitCost : null;
            var constraints = parameters.ToOrderConstraints();
            try
            {
                constraints.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new InvalidOperationException($"{series.Location}/{series.Sku}: {e.Message}", e);
            }
            return new SimulatedItem(series.Index, leadTime, review, Policy(parameters, panel, series.Index, from, review, unitCost), constraints, unitCost);
        }).ToList();
    }

    static ReplenishmentPolicy Policy(EffectiveParameters parameters, SalesPanel panel, int series, int from, int review, double? unitCost)
    {
        var policy = parameters.Policy.Value;
        if (policy == ReplenishmentOptions.Periodic)
            return new PeriodicReviewPolicy();
        if (policy == ReplenishmentOptions.Cover)
            return new DaysOfCoverPolicy(parameters.CoverDays.Value / panel.PeriodDays);
        // (s, Q) and (s, S) need a lot size: EOQ from last year's mean demand, or R periods of it without a unit cost.
        var year = panel.SeasonLength == 52 ? 52 : 364;
        var mean = from > panel.Series[series].First ? Math.Max(0, Baselines.MovingAverage(panel.History(series, from - 1), 1, year)[0]) : 0;
        var lot = unitCost is { } cost && mean > 0
            ? LotSize.FromEoq(new EoqParameters(mean * 365.0 / panel.PeriodDays, parameters.OrderCost.Value, cost, parameters.HoldingRatePerYear.Value))
            : LotSize.Fixed(Math.Max(1, Math.Round(mean * review)));
        return policy == ReplenishmentOptions.Continuous ? new ContinuousReviewPolicy(lot) : new MinMaxPolicy(lot);
    }
}
