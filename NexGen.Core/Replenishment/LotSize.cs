namespace NexGen.Core.Replenishment;

/// <summary>The order quantity Q of (s, Q) and the spread S - s of min/max: fixed, or the economic order quantity.</summary>
public sealed record LotSize
{
    LotSize(double? fixedQuantity, EoqParameters? eoq)
    {
        FixedQuantity = fixedQuantity;
        Eoq = eoq;
    }

    /// <summary>The fixed quantity in units, or null when Q is the EOQ.</summary>
    public double? FixedQuantity { get; }

    /// <summary>The EOQ inputs, or null when Q is fixed.</summary>
    public EoqParameters? Eoq { get; }

    /// <summary>A fixed lot size.</summary>
    /// <param name="quantity">Q in units, &gt; 0.</param>
    public static LotSize Fixed(double quantity)
    {
        if (!(quantity > 0 && double.IsFinite(quantity)))
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A lot size must be a finite number of units > 0.");
        return new(quantity, null);
    }

    /// <summary>A lot size equal to the EOQ, rounded to the nearest whole unit (at least 1).</summary>
    /// <param name="parameters">Annual demand, cost per order, unit cost and holding rate.</param>
    public static LotSize FromEoq(EoqParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _ = parameters.Quantity; // validate now, not at the first suggestion
        return new(null, parameters);
    }

    /// <summary>Q in units: the fixed quantity, or the EOQ rounded to the nearest whole unit (at least 1).</summary>
    public double Quantity => FixedQuantity ?? Math.Max(1, Math.Round(Eoq!.Quantity, MidpointRounding.AwayFromZero));
}
