using System.Globalization;

namespace NexGen.Core.Replenishment;

/// <summary>
/// Order-line constraints, applied in DOMAIN.md's order by <see cref="Apply"/>: raw need &lt;= 0 -> no order; round up
/// to a multiple of the pack size; below the minimum order quantity -> raise to it (rounded up to packs); above the
/// maximum order quantity -> cap (rounded down to packs); then, if set, cap so that inventory position + order stays
/// within the maximum stock (rounded down to packs). All quantities in units.
/// </summary>
public sealed record OrderConstraints
{
    /// <summary>No constraint beyond ordering whole units.</summary>
    public static OrderConstraints None { get; } = new();

    /// <summary>Units per pack; orders are whole packs. Default 1 (whole units).</summary>
    public int PackSize { get; init; } = 1;

    /// <summary>Minimum order quantity (MOQ) in units: order nothing or at least this. Default 0 (none).</summary>
    public int MinimumOrderQuantity { get; init; }

    /// <summary>Maximum order quantity per line in units; null for none.</summary>
    public int? MaximumOrderQuantity { get; init; }

    /// <summary>Maximum stock in units: inventory position + order may not exceed it; null for none.</summary>
    public int? MaximumStock { get; init; }

    /// <summary>
    /// Supplier minimum order value in currency; null for none. It applies to a supplier's whole purchase order, not to
    /// one line, so <see cref="Apply"/> only notes it; it is checked when lines are grouped by supplier.
    /// </summary>
    public double? SupplierMinimumOrderValue { get; init; }

    /// <summary>Throws with a plain message when a constraint is out of range or they contradict each other.</summary>
    public void Validate()
    {
        if (PackSize < 1)
            throw new ArgumentOutOfRangeException(nameof(PackSize), PackSize, "Pack size must be at least 1 unit.");
        if (MinimumOrderQuantity < 0)
            throw new ArgumentOutOfRangeException(nameof(MinimumOrderQuantity), MinimumOrderQuantity, "Minimum order quantity must be >= 0.");
        if (MaximumOrderQuantity is { } max)
        {
            var smallestOrder = Math.Max(PackSize, CeilToPacks(MinimumOrderQuantity));
            if (FloorToPacks(max) < smallestOrder)
                throw new ArgumentOutOfRangeException(nameof(MaximumOrderQuantity), max,
                    $"Maximum order quantity {max} leaves no whole number of packs of {PackSize} at or above the smallest order {smallestOrder}.");
        }
        if (MaximumStock is < 0)
            throw new ArgumentOutOfRangeException(nameof(MaximumStock), MaximumStock, "Maximum stock must be >= 0.");
        if (SupplierMinimumOrderValue is { } value && !(value >= 0 && double.IsFinite(value)))
            throw new ArgumentOutOfRangeException(nameof(SupplierMinimumOrderValue), value, "Supplier minimum order value must be a finite number >= 0.");
    }

    /// <summary>Applies the constraints to a raw need and returns the value after every step.</summary>
    /// <param name="rawNeed">What the policy asks for, in units (may be fractional or negative).</param>
    /// <param name="inventoryPosition">On hand + on order - backorders, in units; used only for <see cref="MaximumStock"/>.</param>
    /// <returns>Each step's quantity; <see cref="ConstrainedOrder.Final"/> is what to order.</returns>
    public ConstrainedOrder Apply(double rawNeed, double inventoryPosition)
    {
        Validate();
        if (!double.IsFinite(rawNeed))
            throw new ArgumentOutOfRangeException(nameof(rawNeed), rawNeed, "Raw need must be a finite number.");
        if (!double.IsFinite(inventoryPosition))
            throw new ArgumentOutOfRangeException(nameof(inventoryPosition), inventoryPosition, "Inventory position must be a finite number.");
        var notes = new List<string>();
        if (SupplierMinimumOrderValue is { } value)
            notes.Add($"Supplier minimum order value {value.ToString("0.##", CultureInfo.InvariantCulture)} applies to the supplier's whole order, not to this line; it is checked when lines are grouped by supplier.");

        var afterPack = rawNeed <= 0 ? 0 : CeilToPacks(rawNeed);
        if (afterPack == 0)
            return new ConstrainedOrder(rawNeed, 0, 0, 0, 0, 0, PackSize, notes);

        var afterMinimum = Math.Max(afterPack, CeilToPacks(MinimumOrderQuantity));
        var afterMaximum = MaximumOrderQuantity is { } max ? Math.Min(afterMinimum, FloorToPacks(max)) : afterMinimum;
        var afterStock = afterMaximum;
        if (MaximumStock is { } maxStock)
            afterStock = Math.Min(afterMaximum, Math.Max(0, FloorToPacks(maxStock - inventoryPosition)));

        var final = afterStock;
        if (afterStock < afterMaximum && (afterStock == 0 || afterStock < MinimumOrderQuantity))
        {
            // The MOQ means "nothing or at least the MOQ": a room below it is no order at all.
            final = 0;
            notes.Add(afterStock == 0
                ? $"Maximum stock {maxStockText()} leaves no room for a pack of {PackSize}."
                : $"Maximum stock {maxStockText()} leaves room for {afterStock}, below the minimum order quantity {MinimumOrderQuantity}.");
        }
        return new ConstrainedOrder(rawNeed, afterPack, afterMinimum, afterMaximum, afterStock, final, PackSize, notes);

        string maxStockText() => MaximumStock!.Value.ToString(CultureInfo.InvariantCulture);
    }

    // Float noise (0.1 + 0.2 style sums of forecasts) must not buy a whole extra pack.
    const double PackTolerance = 1e-9;

    int CeilToPacks(double quantity) => checked((int)Math.Ceiling(quantity / PackSize - PackTolerance)) * PackSize;

    int FloorToPacks(double quantity) => checked((int)Math.Floor(quantity / PackSize + PackTolerance)) * PackSize;
}
