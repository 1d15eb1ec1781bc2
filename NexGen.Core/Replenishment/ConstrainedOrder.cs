namespace NexGen.Core.Replenishment;

/// <summary>
/// An order quantity after each step of <see cref="OrderConstraints.Apply"/>, so an explanation can show where it came
/// from. All quantities in units.
/// </summary>
/// <param name="RawNeed">What the policy asked for, before any constraint (may be fractional or &lt;= 0).</param>
/// <param name="AfterPack">Rounded up to a multiple of the pack size; 0 when the raw need is &lt;= 0.</param>
/// <param name="AfterMinimum">Raised to the minimum order quantity (rounded up to packs) when below it.</param>
/// <param name="AfterMaximum">Capped at the maximum order quantity (rounded down to packs).</param>
/// <param name="AfterMaximumStock">Capped so inventory position + order stays within the maximum stock (rounded down to packs).</param>
/// <param name="Final">The quantity to order: <paramref name="AfterMaximumStock"/>, or 0 when the maximum stock left room only below the minimum order quantity.</param>
/// <param name="PackSize">Units per pack the quantities are multiples of.</param>
/// <param name="Notes">Plain-language notes (e.g. the supplier minimum order value, which is not checked per line).</param>
public sealed record ConstrainedOrder(
    double RawNeed,
    int AfterPack,
    int AfterMinimum,
    int AfterMaximum,
    int AfterMaximumStock,
    int Final,
    int PackSize,
    IReadOnlyList<string> Notes)
{
    /// <summary>Number of packs in <see cref="Final"/>.</summary>
    public int Packs => Final / PackSize;

    /// <summary>True when the minimum order quantity raised the order.</summary>
    public bool RaisedToMinimum => AfterMinimum > AfterPack;

    /// <summary>True when the maximum order quantity cut the order.</summary>
    public bool CappedAtMaximum => AfterMaximum < AfterMinimum;

    /// <summary>True when the maximum stock cut the order (possibly to nothing).</summary>
    public bool CappedByMaximumStock => AfterMaximumStock < AfterMaximum;
}
