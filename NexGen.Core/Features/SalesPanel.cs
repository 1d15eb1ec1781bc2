namespace NexGen.Core.Features;

/// <summary>
/// Sales as a dense panel: every series over one calendar of periods (days or weeks), series-major arrays.
/// A missing period inside a series is a zero sale; periods before a series' first sale are NaN (not padded).
/// <see cref="Demand"/> is the quantity with likely stock-out periods (<see cref="Censored"/>) replaced by an
/// estimate, computed from earlier periods only, so it is the same whatever cutoff looks at it.
/// </summary>
public sealed class SalesPanel
{
    readonly Lazy<PanelAggregates> _aggregates;

    public SalesPanel() => _aggregates = new(() => new PanelAggregates(this));

    /// <summary>Demand summed per SKU over its locations (built on first use).</summary>
    public PanelAggregates Aggregates => _aggregates.Value;

    public required DateOnly Start { get; init; }

    /// <summary>Days per period: 1 (daily) or 7 (weekly).</summary>
    public required int PeriodDays { get; init; }

    public required int Periods { get; init; }

    public required IReadOnlyList<PanelSeries> Series { get; init; }

    /// <summary>Units sold per period as recorded (NaN before the series' first sale).</summary>
    public required float[] Quantity { get; init; }

    /// <summary>Quantity with censored periods replaced by the mean of the preceding known periods.</summary>
    public required float[] Demand { get; init; }

    /// <summary>Likely stock-out periods: left out of training targets and of error statistics.</summary>
    public required bool[] Censored { get; init; }

    /// <summary>Shelf price, carried forward from the last period that had one (NaN when never known).</summary>
    public required float[] Price { get; init; }

    /// <summary>Planned promotions per series (periods, may run past the data): known ahead, so usable for targets.</summary>
    public required IReadOnlyList<PlannedPromotion>[] Promotions { get; init; }

    /// <summary>Day numbers of calendar events (holidays), ascending; they may lie past the data.</summary>
    public required int[] EventDays { get; init; }

    /// <summary>Number of locations (location codes run 0 .. Locations - 1).</summary>
    public int Locations { get; init; }

    /// <summary>Names of the exogenous variables, ordinal order.</summary>
    public IReadOnlyList<string> ExogenousNames { get; init; } = [];

    /// <summary>
    /// Exogenous values indexed <c>[(variable * Locations + location code) * Periods + period]</c>, carried forward
    /// from the latest value at or before each period (NaN before the first).
    /// </summary>
    public float[] Exogenous { get; init; } = [];

    /// <summary>The value of exogenous variable <paramref name="variable"/> for a location in a period; NaN when unknown.</summary>
    public float ExogenousAt(int variable, int locationCode, int period) =>
        Exogenous[((long)variable * Locations + locationCode) * Periods + period];

    /// <summary>Days from a period's date to the next event (the period's own days included), capped at 90.</summary>
    public float DaysToEvent(int period)
    {
        var day = DateOf(period).DayNumber;
        var next = Array.BinarySearch(EventDays, day - (PeriodDays - 1));
        next = next >= 0 ? next : ~next;
        return next < EventDays.Length ? Math.Clamp(EventDays[next] - day, 0, EventCap) : EventCap;
    }

    /// <summary>Days since the last event on or before a period's date, capped at 90.</summary>
    public float DaysSinceEvent(int period)
    {
        var day = DateOf(period).DayNumber;
        var previous = Array.BinarySearch(EventDays, day);
        previous = previous >= 0 ? previous : ~previous - 1;
        return previous >= 0 ? Math.Min(EventCap, day - EventDays[previous]) : EventCap;
    }

    /// <summary>The largest planned discount of a series in a period; 0 when none.</summary>
    public float DiscountAt(int series, int period)
    {
        var discount = 0f;
        foreach (var promotion in Promotions[series])
            if (promotion.From <= period && period <= promotion.To)
                discount = Math.Max(discount, promotion.Discount);
        return discount;
    }

    const int EventCap = 90;

    public int SeasonLength => PeriodDays == 7 ? 52 : 7;

    public DateOnly DateOf(int period) => Start.AddDays(period * PeriodDays);

    /// <summary>The period holding <paramref name="date"/> (may be outside 0..Periods-1).</summary>
    public int PeriodOf(DateOnly date) => (int)Math.Floor((date.DayNumber - Start.DayNumber) / (double)PeriodDays);

    public int Offset(int series) => series * Periods;

    public ReadOnlySpan<float> DemandOf(int series) => Demand.AsSpan(series * Periods, Periods);

    public ReadOnlySpan<float> QuantityOf(int series) => Quantity.AsSpan(series * Periods, Periods);

    /// <summary>Recorded sales from the series' first sale to <paramref name="cutoff"/>; stock-out periods are unknown (NaN).</summary>
    public double[] History(int series, int cutoff)
    {
        var offset = Offset(series);
        var first = Series[series].First;
        var history = new double[Math.Max(0, cutoff - first + 1)];
        for (var t = first; t <= cutoff; t++)
            history[t - first] = Censored[offset + t] ? double.NaN : Quantity[offset + t];
        return history;
    }
}
