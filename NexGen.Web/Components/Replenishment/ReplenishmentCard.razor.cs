using System.Globalization;
using Microsoft.AspNetCore.Components;
using NexGen.Core.Catalog;
using NexGen.Core.Store;
using NexGen.Web.Forecasts;
using NexGen.Web.Planning;
using Plotly.Blazor;

namespace NexGen.Web.Components.Replenishment;

/// <summary>
/// The product page's replenishment card: the series' suggestion in the latest replenishment run with its reason and
/// the numbers behind it, and its projected stock with the suggested order, safety stock and reorder point
/// (<see cref="ProductReplenishmentReader"/>).
/// </summary>
public sealed partial class ReplenishmentCard : IDisposable
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The location.</summary>
    [Parameter, EditorRequired] public string Location { get; set; } = "";

    /// <summary>The SKU.</summary>
    [Parameter, EditorRequired] public string Sku { get; set; } = "";

    [Inject] ProductReplenishmentReader Reader { get; set; } = default!;
    [Inject] ILogger<ReplenishmentCard> Logger { get; set; } = default!;

    ProductReplenishment? _data;
    string? _error;
    IList<ITrace> _traces = [];
    Plotly.Blazor.Layout _layout = new();
    readonly Config _config = ProductCharts.Config();
    (string, string)? _shown;
    CancellationTokenSource? _load;
    readonly CancellationTokenSource _disposed = new();

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive || _shown == (Location, Sku))
            return;
        _shown = (Location, Sku);
        _load?.Cancel();
        using var load = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        _load = load;
        (_data, _error) = (null, null);
        try
        {
            var (location, sku) = (Location, Sku);
            var data = await Task.Run(() => Reader.ReadAsync(location, sku, load.Token), load.Token);
            if (data.Suggestion is { } suggestion && data.Run is { } run && data.Projection.Count > 1)
            {
                _traces = ReplenishmentCharts.StockProjection(data.Projection, suggestion);
                _layout = ReplenishmentCharts.StockProjectionLayout(run.PeriodDays, data.Projection.Count - 1);
            }
            _data = data;
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            // A newer product or the page's end decides what is shown.
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Could not read the replenishment of {Sku} at {Location}", Sku, Location);
            _error = $"Could not read the replenishment suggestion: {e.Message}";
        }
        finally
        {
            if (_load == load)
                _load = null;
        }
    }

    string State => _error is not null ? "error" : _data is null ? "loading" : _data.Suggestion is null ? "empty" : "loaded";

    static string OrderText(StoredSuggestion s) => s.OrderQuantity switch
    {
        null => "No suggestion",
        0 => "No order",
        { } q when s.PackSize > 1 => $"Order {q.ToString("N0", Invariant)} units ({q / s.PackSize} packs of {s.PackSize})",
        { } q => $"Order {q.ToString("N0", Invariant)} units",
    };

    public void Dispose()
    {
        _load?.Cancel();
        _disposed.Cancel();
    }
}
