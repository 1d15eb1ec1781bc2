namespace NexGen.Core.Samples;

/// <summary>A SKU's master data and the demand parameters every store's series of it shares.</summary>
internal sealed class SkuPlan
{
    public required int Index { get; init; }

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required CategoryProfile Category { get; init; }

    public required MoverClass Mover { get; init; }

    /// <summary>Mean units a day at an average store, before seasonality, price and promotions.</summary>
    public required double BaseDemand { get; init; }

    /// <summary>Negative binomial dispersion of daily units (smaller = more erratic).</summary>
    public required double Dispersion { get; init; }

    /// <summary>Price elasticity (positive number): units scale with (price / initial price)^-elasticity.</summary>
    public required double Elasticity { get; init; }

    /// <summary>Extra lift of a promotion beyond its price cut (displays, flyers).</summary>
    public required double PromoBoost { get; init; }

    /// <summary>Multiplier of the category's yearly seasonality.</summary>
    public required double SeasonalAmplitude { get; init; }

    /// <summary>Demand multipliers Monday..Sunday, mean 1.</summary>
    public required double[] Weekly { get; init; }

    /// <summary>Chain-wide growth, as a log change per year (0.05 is about +5 % a year).</summary>
    public required double AnnualTrend { get; init; }

    /// <summary>Days on which the regular price changes; the first is always 0.</summary>
    public required int[] PriceChangeDays { get; init; }

    /// <summary>Regular price from the matching change day on, in cents.</summary>
    public required int[] PriceCents { get; init; }

    public required int UnitCostCents { get; init; }

    public required int PackSize { get; init; }

    public required int? MinOrderQty { get; init; }

    public required int? MaxOrderQty { get; init; }

    public required int LeadTimeDays { get; init; }

    /// <summary>Promotions by start day; the promotions of one store never overlap.</summary>
    public required IReadOnlyList<PromotionPlan> Promotions { get; init; }

    /// <summary>Current regular price (at the end of the period), in cents.</summary>
    public int LastPriceCents => PriceCents[^1];

    /// <summary>Units multiplier on a promoted day: price response plus display boost, kept within 1.4-3.2x.</summary>
    public double PromotionLift(int discountPercent) =>
        Math.Clamp(DeterministicMath.Pow(1.0 - discountPercent / 100.0, -Elasticity) * PromoBoost, 1.4, 3.2);

    /// <summary>Rounds an order up to whole packs and into the min/max order quantities (DOMAIN.md, constraints).</summary>
    public int OrderQuantity(double need)
    {
        int packs = Math.Max(1, (int)Math.Ceiling(need / PackSize));
        int quantity = packs * PackSize;
        if (MinOrderQty is int min && quantity < min)
        {
            quantity = (min + PackSize - 1) / PackSize * PackSize;
        }

        if (MaxOrderQty is int max && quantity > max)
        {
            quantity = Math.Max(PackSize, max / PackSize * PackSize);
        }

        return quantity;
    }
}
