using System.Globalization;

namespace NexGen.Core.Replenishment;

/// <summary>
/// The pure core of replenishment: from stock, forecast, lead time and policy to an order suggestion with every number
/// behind it (DOMAIN.md "Inventory"). No I/O; one call per location x sku.
/// </summary>
public static class ReplenishmentCalculator
{
    /// <summary>Suggests an order for one location x sku.</summary>
    /// <param name="input">Stock, forecast, lead time, review period, service level, policy and constraints.</param>
    /// <returns>The suggestion: inventory position, demand over L and L + R, safety stock, reorder point or
    /// order-up-to level, each constraint step, the final quantity and a one-line reason.</returns>
    public static Suggestion Suggest(SuggestionInput input)
    {
        Validate(input);
        var policy = input.Policy;
        var ip = input.OnHand + input.OnOrder - input.Backorders;
        var protection = input.LeadTime + input.ReviewPeriod;
        var demandLead = DemandOver(input.Forecast, input.LeadTime);
        var demandProtection = DemandOver(input.Forecast, protection);

        // Continuous review watches stock every period, so only the lead time is at risk (R = 0, P = L).
        var ssPeriods = policy.IsPeriodic ? protection : input.LeadTime;
        var ssDemand = policy.IsPeriodic ? demandProtection : demandLead;
        var ss = SafetyStockOver(input, ssPeriods, ssDemand);

        double? reorderPoint = null, orderUpTo = null, lotSize = null;
        double rawNeed;
        string trigger;
        string? noOrder = null;
        switch (policy)
        {
            case PeriodicReviewPolicy:
                orderUpTo = demandProtection + ss;
                rawNeed = input.IsReviewPeriod ? orderUpTo.Value - ip : 0;
                trigger = $"inventory position {F(ip)} is below the order-up-to level {F(orderUpTo.Value)}";
                if (!input.IsReviewPeriod)
                    noOrder = "not a review period";
                else if (rawNeed <= 0)
                    noOrder = $"inventory position {F(ip)} covers the order-up-to level {F(orderUpTo.Value)}";
                break;
            case DaysOfCoverPolicy cover:
                var perPeriod = MeanPerPeriod(input.Forecast, demandProtection, protection);
                orderUpTo = perPeriod * cover.CoverPeriods + ss;
                rawNeed = input.IsReviewPeriod ? orderUpTo.Value - ip : 0;
                trigger = $"inventory position {F(ip)} is below the cover target {F(orderUpTo.Value)} ({F(cover.CoverPeriods)} periods of {F(perPeriod)} plus safety stock {F(ss)})";
                if (!input.IsReviewPeriod)
                    noOrder = "not a review period";
                else if (rawNeed <= 0)
                    noOrder = $"inventory position {F(ip)} covers the cover target {F(orderUpTo.Value)}";
                break;
            case ContinuousReviewPolicy continuous:
                reorderPoint = demandLead + ss;
                lotSize = continuous.LotSize.Quantity;
                // Smallest n with IP + n Q > s.
                rawNeed = ip <= reorderPoint ? (Math.Floor((reorderPoint.Value - ip) / lotSize.Value) + 1) * lotSize.Value : 0;
                trigger = $"inventory position {F(ip)} is at or below the reorder point {F(reorderPoint.Value)}";
                if (ip > reorderPoint)
                    noOrder = $"inventory position {F(ip)} is above the reorder point {F(reorderPoint.Value)}";
                break;
            case MinMaxPolicy minMax:
                reorderPoint = demandLead + ss;
                lotSize = minMax.LotSize.Quantity;
                orderUpTo = reorderPoint + lotSize;
                rawNeed = ip <= reorderPoint ? orderUpTo.Value - ip : 0;
                trigger = $"inventory position {F(ip)} is at or below the minimum {F(reorderPoint.Value)}, ordering up to the maximum {F(orderUpTo.Value)}";
                if (ip > reorderPoint)
                    noOrder = $"inventory position {F(ip)} is above the minimum {F(reorderPoint.Value)}";
                break;
            default:
                throw new ArgumentException($"Unknown policy {policy.GetType().Name}.", nameof(input));
        }

        var order = input.Constraints.Apply(rawNeed, ip);
        var reason = noOrder is not null ? $"No order: {noOrder}"
            : order.AfterPack == 0 ? $"No order: need {F(rawNeed)} rounds to nothing"
            : order.Final == 0 ? $"No order: {trigger}, but {MaximumStockBlock(order, input.Constraints)}"
            : $"Order {order.Final}{Packs(order)}: {trigger}{Adjustments(order, input.Constraints)}";

        return new Suggestion
        {
            Policy = policy.Name,
            ServiceLevel = input.ServiceLevel,
            OnHand = input.OnHand,
            OnOrder = input.OnOrder,
            Backorders = input.Backorders,
            InventoryPosition = ip,
            LeadTime = input.LeadTime,
            ReviewPeriod = input.ReviewPeriod,
            DemandOverLeadTime = demandLead,
            DemandOverProtectionPeriod = demandProtection,
            SafetyStockMethod = input.SafetyStock.Name,
            SafetyStockPeriods = ssPeriods,
            SafetyStock = ss,
            ReorderPoint = reorderPoint,
            OrderUpToLevel = orderUpTo,
            LotSize = lotSize,
            Order = order,
            ProjectedStockAtLeadTime = ip - demandLead,
            Reason = reason,
        };
    }

    /// <summary>
    /// Sum of per-period values over the first <paramref name="periods"/> periods; a fractional last period counts
    /// pro rata (1.5 periods of [10, 20] = 10 + 0.5 x 20 = 20).
    /// </summary>
    /// <param name="perPeriod">Values per period, the next period first, in units.</param>
    /// <param name="periods">Number of periods, &gt;= 0; at most the number of values.</param>
    public static double DemandOver(IReadOnlyList<double> perPeriod, double periods)
    {
        ArgumentNullException.ThrowIfNull(perPeriod);
        if (!(periods >= 0) || PeriodsNeeded(periods) > perPeriod.Count)
            throw new ArgumentOutOfRangeException(nameof(periods), periods, $"{perPeriod.Count} periods of values cannot cover {periods} periods.");
        var whole = (int)Math.Floor(periods + PeriodTolerance);
        var sum = 0.0;
        for (var i = 0; i < whole && i < perPeriod.Count; i++)
            sum += perPeriod[i];
        var fraction = periods - whole;
        if (fraction > PeriodTolerance)
            sum += fraction * perPeriod[whole];
        return sum;
    }

    // Lead times converted from days (10 / 7 weeks) carry rounding error; a hair over a whole period is that period.
    const double PeriodTolerance = 1e-9;

    static int PeriodsNeeded(double periods) => (int)Math.Ceiling(periods - PeriodTolerance);

    static double SafetyStockOver(SuggestionInput input, double periods, double demand) => input.SafetyStock switch
    {
        NormalSafetyStock n => SafetyStock.Normal(
            input.ServiceLevel, MeanPerPeriod(input.Forecast, demand, periods), n.DemandSd, periods, n.LeadTimeSd),
        EmpiricalSafetyStock e => SafetyStock.Empirical(e.CumulativeErrors, input.ServiceLevel),
        ForecastQuantileSafetyStock q => SafetyStock.FromQuantile(DemandOver(q.QuantilePerPeriod, periods), demand),
        _ => throw new ArgumentException($"Unknown safety-stock method {input.SafetyStock.GetType().Name}.", nameof(input)),
    };

    // d over a zero-length horizon falls back to the next period's forecast, so lead-time variability still counts.
    static double MeanPerPeriod(IReadOnlyList<double> forecast, double demand, double periods) =>
        periods > PeriodTolerance ? demand / periods : forecast.Count > 0 ? forecast[0] : 0;

    static void Validate(SuggestionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Forecast);
        ArgumentNullException.ThrowIfNull(input.Policy);
        ArgumentNullException.ThrowIfNull(input.SafetyStock);
        ArgumentNullException.ThrowIfNull(input.Constraints);
        RequireFinite(input.OnHand, nameof(input.OnHand));
        RequireFinite(input.OnOrder, nameof(input.OnOrder));
        RequireFinite(input.Backorders, nameof(input.Backorders));
        if (!(input.LeadTime >= 0) || double.IsInfinity(input.LeadTime))
            throw new ArgumentOutOfRangeException(nameof(input), input.LeadTime, "Lead time must be a finite number of periods >= 0.");
        if (!(input.ReviewPeriod >= 0) || double.IsInfinity(input.ReviewPeriod))
            throw new ArgumentOutOfRangeException(nameof(input), input.ReviewPeriod, "Review period must be a finite number of periods >= 0.");
        ServiceLevels.Validate(input.ServiceLevel, nameof(input.ServiceLevel));
        var needed = PeriodsNeeded(input.LeadTime + input.ReviewPeriod);
        if (input.Forecast.Count < needed)
            throw new ArgumentException($"The forecast has {input.Forecast.Count} periods; lead time + review period needs {needed}.", nameof(input));
        foreach (var f in input.Forecast)
            RequireFinite(f, nameof(input.Forecast));
        if (input.Policy is DaysOfCoverPolicy { CoverPeriods: var c } && !(c >= 0 && double.IsFinite(c)))
            throw new ArgumentOutOfRangeException(nameof(input), c, "Cover must be a finite number of periods >= 0.");
        input.Constraints.Validate();
    }

    static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number.");
    }

    static string Packs(ConstrainedOrder order) =>
        order.PackSize == 1 ? "" : $" ({order.Packs} {(order.Packs == 1 ? "pack" : "packs")} of {order.PackSize})";

    static string Adjustments(ConstrainedOrder order, OrderConstraints constraints)
    {
        var text = "";
        if (order.RaisedToMinimum)
            text += $"; raised to the minimum order quantity {constraints.MinimumOrderQuantity}";
        if (order.CappedAtMaximum)
            text += $"; capped at the maximum order quantity {constraints.MaximumOrderQuantity}";
        if (order.CappedByMaximumStock)
            text += $"; capped by the maximum stock {constraints.MaximumStock}";
        return text;
    }

    static string MaximumStockBlock(ConstrainedOrder order, OrderConstraints constraints) =>
        order.AfterMaximumStock == 0
            ? $"the maximum stock {constraints.MaximumStock} leaves no room for a pack of {order.PackSize}"
            : $"the maximum stock {constraints.MaximumStock} leaves room for only {order.AfterMaximumStock}, below the minimum order quantity {constraints.MinimumOrderQuantity}";

    /// <summary>Invariant culture, integers without decimals, others to at most 2 decimals.</summary>
    static string F(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }
}
