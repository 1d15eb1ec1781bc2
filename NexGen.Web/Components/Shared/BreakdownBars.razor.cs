using System.Globalization;
using Microsoft.AspNetCore.Components;
using NexGen.Core.Catalog;

namespace NexGen.Web.Components.Shared;

/// <summary>
/// Sales per category or location over a period in one measure, in the order given, as bars scaled to the largest.
/// </summary>
public sealed partial class BreakdownBars
{
    [Parameter, EditorRequired] public string Title { get; set; } = "";

    /// <summary>What the bars are: "Category" or "Location".</summary>
    [Parameter, EditorRequired] public string Axis { get; set; } = "";

    /// <summary>The list's <c>data-testid</c>; its title, unit and empty text have <c>{TestId}-title</c>, <c>-unit</c>, <c>-empty</c>.</summary>
    [Parameter, EditorRequired] public string TestId { get; set; } = "";

    [Parameter, EditorRequired] public IReadOnlyList<SalesBreakdown> Rows { get; set; } = [];

    [Parameter] public SalesMeasure Measure { get; set; }

    [Parameter] public string EmptyText { get; set; } = "Nothing sold.";

    double _largest;
    double _total;

    /// <summary>The largest value (the full bar) and the total of the positive ones (for the shares), once per render.</summary>
    protected override void OnParametersSet()
    {
        _largest = Rows.Count == 0 ? 0 : Rows.Max(ValueOf);
        _total = Rows.Sum(r => Math.Max(ValueOf(r), 0));
    }

    double ValueOf(SalesBreakdown row) => (Measure == SalesMeasure.Units ? row.Units : row.Value) ?? 0;

    /// <summary>The bar's width as a share of the largest value (a returns-only negative total draws no bar).</summary>
    string BarStyle(double value) =>
        $"width: {(_largest > 0 ? Math.Max(value, 0) / _largest * 100 : 0).ToString("0.##", CultureInfo.InvariantCulture)}%";

    /// <summary>"store-1: 1,234 units, 56 % of the total" (value: "1,234.50").</summary>
    string Hover(string name, double value)
    {
        var amount = Measure == SalesMeasure.Units ? $"{Number(value)} units" : value.ToString("N2", CultureInfo.InvariantCulture);
        return _total > 0 ? $"{name}: {amount}, {(Math.Max(value, 0) / _total * 100).ToString("0", CultureInfo.InvariantCulture)} % of the total" : $"{name}: {amount}";
    }

    static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
