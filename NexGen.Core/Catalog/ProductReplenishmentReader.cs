using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Core.Catalog;

/// <summary>
/// Reads a <see cref="ProductReplenishment"/>: the series' suggestion in the latest replenishment run and its stock
/// projected over the forecast that run read, so the chart shows the same demand as the explanation.
/// </summary>
public sealed class ProductReplenishmentReader(ReplenishmentStore replenishments, RunStore runs)
{
    /// <summary>The replenishment of one location x SKU.</summary>
    public async Task<ProductReplenishment> ReadAsync(string location, string sku, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(sku);
        var run = await replenishments.LatestRunAsync(cancellationToken);
        var latestForecast = await runs.LatestSucceededAsync("forecast", cancellationToken);
        if (run is null)
            return new ProductReplenishment(null, null, [], null);
        long? newerForecast = latestForecast is { } f && f.Id > run.ForecastRunId ? f.Id : null;
        var suggestion = await replenishments.SuggestionAsync(run.Id, location, sku, cancellationToken);
        if (suggestion is not { OnHand: { } onHand })
            return new ProductReplenishment(run, suggestion, [], newerForecast);
        var forecast = await runs.ForecastsAsync(run.ForecastRunId, location, sku, from: run.AsOf.AddDays(1), cancellationToken: cancellationToken);
        var projection = StockProjection.Project(run.AsOf, onHand, forecast.Select(f => (f.Date, f.Forecast)),
            suggestion.LeadTimePeriods, suggestion.OrderQuantity ?? 0);
        return new ProductReplenishment(run, suggestion, projection, newerForecast);
    }
}
