using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NexGen.Core.Samples;

/// <summary>
/// Simulates and encodes the daily sales of one store x SKU. Thread-safe: every series has its own random streams,
/// so series can run in parallel and the bytes do not depend on which thread ran them.
/// </summary>
internal sealed class SeriesSimulator
{
    /// <summary>Longest possible row: "L999,SKU99999," + date + 10-digit quantity + price + flag, with margin.</summary>
    private const int MaxRowBytes = 80;
    private const int TrailingDays = 28;
    private const byte StockOut = 1;
    private const byte AfterPromotion = 2;

    // Log-level noise: AR(1) with a stationary standard deviation of about 0.16, so a series drifts for weeks.
    private const double NoiseMemory = 0.97;
    private const double NoiseStep = 0.04;
    private const double NoiseSpread = 0.164;

    private readonly SampleCatalog _catalog;
    private readonly byte[] _dates;
    private readonly byte[][] _locationPrefixes;
    private readonly byte[][] _skuPrefixes;

    public SeriesSimulator(SampleCatalog catalog)
    {
        _catalog = catalog;
        int days = catalog.Calendar.Days;
        _dates = new byte[days * 11];
        for (int t = 0; t < days; t++)
        {
            Span<byte> slot = _dates.AsSpan(t * 11, 11);
            catalog.Calendar.Start.AddDays(t).TryFormat(slot, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            slot[10] = (byte)',';
        }

        _locationPrefixes = [.. catalog.Locations.Select(l => Encoding.ASCII.GetBytes(l.Id + ","))];
        _skuPrefixes = [.. catalog.Skus.Select(s => Encoding.ASCII.GetBytes(s.Id + ","))];
    }

    public SeriesOutput Run(int locationIndex, int skuIndex)
    {
        SkuPlan sku = _catalog.Skus[skuIndex];
        LocationPlan location = _catalog.Locations[locationIndex];
        DemandCalendar calendar = _catalog.Calendar;
        int days = calendar.Days;
        int seed = _catalog.Options.Seed;

        byte[] discounts = ArrayPool<byte>.Shared.Rent(days);
        byte[] flags = ArrayPool<byte>.Shared.Rent(days);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(days * MaxRowBytes);
        try
        {
            Array.Clear(discounts, 0, days);
            Array.Clear(flags, 0, days);
            MarkPromotions(sku, locationIndex, days, discounts, flags);
            var stock = SampleRandom.For(seed, RandomStream.Stock, locationIndex, skuIndex);
            MarkStockOuts(stock, sku, days, flags);

            var rng = SampleRandom.For(seed, RandomStream.Series, locationIndex, skuIndex);
            double level = sku.BaseDemand * location.Scale * DeterministicMath.Exp(0.3 * rng.NextNormal());
            double growthPerDay = Math.Clamp(sku.AnnualTrend + 0.06 * rng.NextNormal(), -0.25, 0.25) / 365.0;
            double noise = NoiseSpread * rng.NextNormal();
            double[] yearly = calendar.YearlyDeviation[(int)sku.Category.Category];
            double[] events = calendar.EventMultiplier[(int)sku.Category.Category];
            byte[] dayOfWeek = calendar.DayOfWeek;

            int change = 0;
            int regularCents = sku.PriceCents[0];
            double priceEffect = 1.0;
            double trailingDemand = 0.0;

            byte[] locationPrefix = _locationPrefixes[locationIndex];
            byte[] skuPrefix = _skuPrefixes[skuIndex];
            Span<byte> output = buffer;
            int position = 0;
            for (int t = 0; t < days; t++)
            {
                if (change + 1 < sku.PriceChangeDays.Length && sku.PriceChangeDays[change + 1] == t)
                {
                    change++;
                    regularCents = sku.PriceCents[change];
                    priceEffect = DeterministicMath.Pow((double)regularCents / sku.PriceCents[0], -sku.Elasticity);
                }

                noise = NoiseMemory * noise + NoiseStep * rng.NextNormal();
                double seasonal = Math.Max(0.1, 1.0 + sku.SeasonalAmplitude * yearly[t]);
                double demand = level * sku.Weekly[dayOfWeek[t]] * seasonal * events[t] * priceEffect
                    * DeterministicMath.Exp(growthPerDay * t + noise);

                int priceCents = regularCents;
                int discount = discounts[t];
                if (discount > 0)
                {
                    priceCents = (regularCents * (100 - discount) + 50) / 100;
                    demand *= sku.PromotionLift(discount);
                }
                else if ((flags[t] & AfterPromotion) != 0)
                {
                    demand *= 0.85;
                }

                // Draw even on stock-out days, so a stock-out does not shift the random numbers of later days.
                int quantity = rng.NextNegativeBinomial(demand, sku.Dispersion);
                if ((flags[t] & StockOut) != 0)
                {
                    quantity = 0;
                }

                if (t >= days - TrailingDays)
                {
                    trailingDemand += demand;
                }

                locationPrefix.CopyTo(output[position..]);
                position += locationPrefix.Length;
                skuPrefix.CopyTo(output[position..]);
                position += skuPrefix.Length;
                _dates.AsSpan(t * 11, 11).CopyTo(output[position..]);
                position += 11;
                Utf8Formatter.TryFormat(quantity, output[position..], out int written);
                position += written;
                output[position++] = (byte)',';
                Utf8Formatter.TryFormat(priceCents / 100, output[position..], out written);
                position += written;
                int cents = priceCents % 100;
                output[position++] = (byte)'.';
                output[position++] = (byte)('0' + cents / 10);
                output[position++] = (byte)('0' + cents % 10);
                output[position++] = (byte)',';
                output[position++] = discount > 0 ? (byte)'1' : (byte)'0';
                output[position++] = (byte)'\n';
            }

            double dailyDemand = trailingDemand / Math.Min(days, TrailingDays);
            InventoryPosition inventory = ClosingStock(stock, sku, dailyDemand, (flags[days - 1] & StockOut) != 0);
            byte[] result = buffer;
            buffer = [];
            return new SeriesOutput(locationIndex, skuIndex, result, position, inventory);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(discounts);
            ArrayPool<byte>.Shared.Return(flags);
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static void MarkPromotions(SkuPlan sku, int locationIndex, int days, byte[] discounts, byte[] flags)
    {
        foreach (PromotionPlan promotion in sku.Promotions)
        {
            if (!promotion.Covers(locationIndex))
            {
                continue;
            }

            for (int t = promotion.StartDay; t <= promotion.EndDay; t++)
            {
                discounts[t] = (byte)promotion.DiscountPercent;
            }

            // Shoppers who stocked up buy less for a few days (pantry loading); perishables do not keep.
            if (sku.Category.Storable)
            {
                for (int t = promotion.EndDay + 1; t <= Math.Min(days - 1, promotion.EndDay + 3); t++)
                {
                    flags[t] |= AfterPromotion;
                }
            }
        }
    }

    /// <summary>
    /// Empty-shelf stretches in fast and medium movers: several days of zero sales although demand was there.
    /// A few series are out of stock on the last day, which <see cref="ClosingStock"/> reflects (on hand 0).
    /// </summary>
    private static void MarkStockOuts(SampleRandom stock, SkuPlan sku, int days, byte[] flags)
    {
        if (sku.Mover == MoverClass.Slow)
        {
            return;
        }

        if (stock.NextBool(0.12))
        {
            int episodes = stock.NextBool(0.3) ? 2 : 1;
            for (int i = 0; i < episodes; i++)
            {
                int length = stock.NextInt(3, 10);
                if (days > length)
                {
                    int start = stock.NextInt(0, days - length);
                    for (int t = start; t < start + length; t++)
                    {
                        flags[t] |= StockOut;
                    }
                }
            }
        }

        if (stock.NextBool(0.03))
        {
            int length = Math.Min(days, stock.NextInt(2, 6));
            for (int t = days - length; t < days; t++)
            {
                flags[t] |= StockOut;
            }
        }
    }

    /// <summary>
    /// Stock at the end of the last day: usually a few days to two weeks of demand, sometimes low or zero, with an
    /// open order when the position is below lead-time demand. Out of stock on the last day means 0 on hand and a
    /// replenishment on its way.
    /// </summary>
    private static InventoryPosition ClosingStock(SampleRandom stock, SkuPlan sku, double dailyDemand, bool outOfStock)
    {
        double orderUpTo = dailyDemand * (sku.LeadTimeDays + 7);
        if (outOfStock)
        {
            return new InventoryPosition(0, sku.OrderQuantity(orderUpTo));
        }

        double r = stock.NextDouble();
        double cover = r < 0.06 ? 0.0 : r < 0.18 ? stock.NextDouble(0.3, 2.0) : stock.NextDouble(3.0, 16.0);
        int onHand = (int)Math.Floor(dailyDemand * cover + stock.NextDouble());
        if (sku.Mover == MoverClass.Slow && cover > 0.0)
        {
            // A slow mover still keeps a facing or two on the shelf.
            onHand = Math.Max(onHand, stock.NextInt(1, 3));
        }

        bool belowLeadTimeDemand = onHand < dailyDemand * (sku.LeadTimeDays + 3);
        int onOrder = belowLeadTimeDemand && stock.NextBool(0.75)
            ? sku.OrderQuantity(orderUpTo - onHand)
            : stock.NextBool(0.05) ? sku.OrderQuantity(dailyDemand * 7) : 0;
        return new InventoryPosition(onHand, onOrder);
    }
}
