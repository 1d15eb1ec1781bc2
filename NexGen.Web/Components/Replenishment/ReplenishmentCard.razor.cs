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
/// the numbers behind it, and its projected stock with the suggested order, safety stock and reorder point. The page
/// reads them (<see cref="ProductReplenishmentReader"/>) together with the product, so both show in one render.
/// </summary>
public sealed partial class ReplenishmentCard
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The series' replenishment; null while it is read.</summary>
    [Parameter] public ProductReplenishment? Data { get; set; }

    /// <summary>Why it could not be read, if it could not.</summary>
    [Parameter] public string? Error { get; set; }

    IList<ITrace> _traces = [];
    Plotly.Blazor.Layout _layout = new();
    readonly Config _config = ProductCharts.Config();
    ProductReplenishment? _charted;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(Data, _charted))
            return;
        _charted = Data;
        if (Data is { Suggestion: { } suggestion, Run: { } run } && Data.Projection.Count > 1)
        {
            _traces = ReplenishmentCharts.StockProjection(Data.Projection, suggestion);
            _layout = ReplenishmentCharts.StockProjectionLayout(run.PeriodDays, Data.Projection.Count - 1);
        }
    }

    string State => Error is not null ? "error" : Data is null ? "loading" : Data.Suggestion is null ? "empty" : "loaded";

    static string OrderText(StoredSuggestion s) => s.OrderQuantity switch
    {
        null => "No suggestion",
        0 => "No order",
        { } q when s.PackSize > 1 => $"Order {q.ToString("N0", Invariant)} units ({q / s.PackSize} packs of {s.PackSize})",
        { } q => $"Order {q.ToString("N0", Invariant)} units",
    };
}
