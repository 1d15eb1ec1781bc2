using System.Globalization;
using Microsoft.AspNetCore.Components;
using NexGen.Core.Catalog;

namespace NexGen.Web.Components.Shared;

/// <summary>
/// A short list of location x SKU with their sales over a period in one measure and the change against the period
/// before; each SKU links to its product page.
/// </summary>
public sealed partial class SeriesSalesTable
{
    [Parameter, EditorRequired] public string Title { get; set; } = "";

    /// <summary>The table's <c>data-testid</c>; its empty text has <c>{TestId}-empty</c>.</summary>
    [Parameter, EditorRequired] public string TestId { get; set; } = "";

    [Parameter, EditorRequired] public IReadOnlyList<SeriesSales> Rows { get; set; } = [];

    [Parameter] public SalesMeasure Measure { get; set; }

    /// <summary>What an empty list says.</summary>
    [Parameter] public string EmptyText { get; set; } = "Nothing to show.";

    string MeasureHeader => Measure == SalesMeasure.Units ? "Units" : "Value";

    string ChangeText(SeriesSales row)
    {
        var change = row.Change(Measure);
        return change switch
        {
            > 0 => "+" + Number(change),
            < 0 => "−" + Number(-change),
            _ => "0",
        };
    }

    string ChangeClass(SeriesSales row) => row.Change(Measure) switch
    {
        > 0 => "mud-success-text",
        < 0 => "mud-error-text",
        _ => "mud-text-secondary",
    };

    static string Number(double? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "–";
}
