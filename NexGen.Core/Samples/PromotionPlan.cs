namespace NexGen.Core.Samples;

/// <summary>A price promotion of one SKU.</summary>
/// <param name="LocationIndex">The store it runs in, or -1 for every store.</param>
/// <param name="StartDay">First promoted day, 0-based from the period start.</param>
/// <param name="EndDay">Last promoted day, inclusive.</param>
/// <param name="DiscountPercent">Discount off the regular price, in percent (20 = 20 % off).</param>
internal sealed record PromotionPlan(int LocationIndex, int StartDay, int EndDay, int DiscountPercent)
{
    public bool Covers(int locationIndex) => LocationIndex < 0 || LocationIndex == locationIndex;
}
