using System.Globalization;
using Microsoft.AspNetCore.Components;
using NexGen.Core.Store;

namespace NexGen.Web.Components.Replenishment;

/// <summary>
/// The explanation of one replenishment suggestion: every number behind it and each rounding step of the order
/// (raw need, packs, minimum, maximum, maximum stock). View only.
/// </summary>
public sealed partial class SuggestionExplanation
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The suggestion to explain.</summary>
    [Parameter, EditorRequired] public StoredSuggestion Suggestion { get; set; } = default!;

    /// <summary>Days per forecast period (1 or 7), to state lead time and review period in both units.</summary>
    [Parameter] public int PeriodDays { get; set; } = 1;

    /// <summary>Whether to show the reason line on top (off where the caller shows it already).</summary>
    [Parameter] public bool ShowReason { get; set; } = true;

    /// <summary>One step of the order's rounding: its label, the quantity after it, and whether it changed the quantity.</summary>
    sealed record Step(string Key, string Label, string Value, bool Changed);

    IEnumerable<Step> Steps
    {
        get
        {
            var s = Suggestion;
            if (s.RawNeed is not { } raw)
            {
                yield return new Step("final", "Order", "no suggestion", false);
                yield break;
            }
            var pack = s.PackSize;
            yield return new Step("raw-need", "Raw need", Units(raw), false);
            yield return new Step("after-pack", pack == 1 ? "Whole units" : $"Up to packs of {pack}", Units(s.AfterPack), s.AfterPack != Math.Max(0, raw));
            yield return new Step("after-minimum", s.MinOrderQuantity > 0 ? $"MOQ {Units(s.MinOrderQuantity)}" : "MOQ (none)", Units(s.AfterMinimum),
                s.AfterMinimum != s.AfterPack);
            yield return new Step("after-maximum", s.MaxOrderQuantity is { } max ? $"Max order {Units(max)}" : "Max order (none)", Units(s.AfterMaximum),
                s.AfterMaximum != s.AfterMinimum);
            yield return new Step("after-max-stock", s.MaxStock is { } stock ? $"Max stock {Units(stock)}" : "Max stock (none)", Units(s.AfterMaximumStock),
                s.AfterMaximumStock != s.AfterMaximum);
            var final = s.OrderQuantity ?? 0;
            yield return new Step("final", "Order", final == 0 ? "0 (no order)" : pack == 1 ? $"{Units(final)} units" : $"{Units(final)} units ({final / pack} packs of {pack})",
                final != s.AfterMaximumStock);
        }
    }

    string ServiceLevelText => Suggestion.ServiceLevel is { } level
        ? $"{(level * 100).ToString("0.#", Invariant)} % cycle service level ({Suggestion.ServiceLevelSource})"
        : "–";

    string SafetyStockText => Suggestion.SafetyStock is { } safety
        ? $"{Units(safety)} ({Suggestion.SafetyStockMethod}, over {Number(Suggestion.SafetyStockPeriods)} {PeriodName(Suggestion.SafetyStockPeriods)})"
        : "–";

    string Periods(int days, double periods) => PeriodDays == 1
        ? $"{days} day{(days == 1 ? "" : "s")}"
        : $"{days} day{(days == 1 ? "" : "s")} = {Number(periods)} {PeriodName(periods)}";

    string PeriodName(double? periods) => (PeriodDays == 7 ? "week" : "day") + (periods == 1 ? "" : "s");

    static string Number(double? value) => value?.ToString("#,0.##", Invariant) ?? "–";

    /// <summary>Units to one decimal (forecast sums are fractional); a dash when unknown.</summary>
    public static string Units(double? value) => value?.ToString("#,0.#", Invariant) ?? "–";

    /// <summary>Currency with two decimals; "unknown" without a unit cost.</summary>
    public static string Money(double? value) => value?.ToString("N2", Invariant) ?? "unknown";

    static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);
}
