namespace NexGen.Core.Features;

/// <summary>A promotion of one series over periods <paramref name="From"/>..<paramref name="To"/> (inclusive), discount as a fraction.</summary>
public sealed record PlannedPromotion(int From, int To, float Discount);
