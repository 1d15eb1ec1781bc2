using NexGen.Core.Catalog;
using NexGen.Core.Forecasting;
using NexGen.Core.Store;
using NexGen.Web.Components.Shared;

namespace NexGen.Web.Services;

/// <summary>
/// Rebuilds the product list's summaries and the overview's totals, reads what the overview first shows (which
/// <see cref="OverviewReader"/> then keeps) and the store's sales summary, in the background as soon as the data changes
/// (at start-up, after an upload, after a forecast run), so that the first visit to the Products or the Overview page
/// does not wait for them (seconds at M5 scale).
/// Imports made by the CLI are picked up on the next read instead.
/// </summary>
public sealed class CatalogWarmer(ProductCatalog catalog, OverviewReader overview, StoreInfoReader storeInfo, ImportNotifier imports, ForecastService forecasts,
    ILogger<CatalogWarmer> logger)
    : IHostedService
{
    readonly CancellationTokenSource _stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        imports.ImportFinished += Warm;
        forecasts.ProgressChanged += OnProgressChanged;
        Warm();
        return Task.CompletedTask;
    }

    void OnProgressChanged(RunProgress progress)
    {
        if (progress.Phase == "finished")
            Warm();
    }

    void Warm() => _ = Task.Run(async () =>
    {
        try
        {
            await Task.WhenAll(catalog.EnsureFreshAsync(_stopping.Token),
                Task.Run(() => OverviewPanel.WarmAsync(overview, _stopping.Token)),
                Task.Run(() => storeInfo.ReadAsync(0, _stopping.Token)));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The app is stopping.
        }
        catch (Exception e)
        {
            // The next read of the product list tries again and shows its own error.
            logger.LogWarning(e, "Could not refresh the product list's summaries");
        }
    });

    public Task StopAsync(CancellationToken cancellationToken)
    {
        imports.ImportFinished -= Warm;
        forecasts.ProgressChanged -= OnProgressChanged;
        _stopping.Cancel();
        return Task.CompletedTask;
    }
}
