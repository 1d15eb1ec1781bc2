using System.Globalization;
using NexGen.Core.Forecasting;

namespace NexGen.Core.Replenishment;

/// <summary>
/// Turns the store's data for every series into explained suggestions and alerts: ABC x XYZ class and its
/// service-level target, effective parameters, lead time and review period in forecast periods, the policy and the
/// safety-stock method, then <see cref="ReplenishmentCalculator.Suggest"/> and <see cref="AlertRules"/>. Pure: no I/O.
/// A series with a data problem gets an alert and a line without suggestion, never an exception.
/// </summary>
public static class ReplenishmentPlanner
{
    /// <summary>Days in a year, for the annual demand of the EOQ.</summary>
    const double DaysPerYear = 365;

    /// <summary>Plans every series of <paramref name="data"/>.</summary>
    /// <param name="data">The series with stock, history and forecast.</param>
    /// <param name="options">Defaults, overrides, classification, safety-stock method and alert thresholds (validated at start-up).</param>
    /// <param name="progress">Receives the share of series done.</param>
    public static ReplenishmentPlan Plan(ReplenishmentData data, ReplenishmentOptions options,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var classification = options.Classification;
        classification.Validate();
        var abc = Abc.Classify(data.Series.Select(s => new ItemSalesValue(Key(s), s.SalesValue)).ToList(), classification)
            .ToDictionary(i => i.Key, i => i.Class, StringComparer.Ordinal);

        var lines = new ReplenishmentLine[data.Series.Count];
        var alerts = new List<ReplenishmentAlert>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i % 1000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report((double)i / lines.Length);
            }
            lines[i] = PlanSeries(data, data.Series[i], abc[Key(data.Series[i])], options, classification, alerts);
        }
        progress?.Report(1);
        alerts.AddRange(BelowSupplierMinimums(lines, options));
        alerts.Sort(AlertOrder);
        return new ReplenishmentPlan(data.AsOf, data.ForecastRunId, data.PeriodDays, lines, alerts);
    }

    static ReplenishmentLine PlanSeries(ReplenishmentData data, SeriesData s, AbcClass abc, ReplenishmentOptions options,
        ClassificationOptions classification, List<ReplenishmentAlert> alerts)
    {
        var cv = s.DemandMean > 0 ? s.DemandSd / s.DemandMean : double.PositiveInfinity;
        var xyz = Xyz.ClassOf(cv, classification);
        var p = ParameterResolver.Resolve(options, s.Product, s.Location);
        var (serviceLevel, serviceLevelSource) = p.ServiceLevel.Value is { } target
            ? (target, p.ServiceLevel.Source)
            : (classification.ServiceLevels.For(abc, xyz), $"class {abc}{xyz}");
        double periodDays = data.PeriodDays;
        var line = new ReplenishmentLine
        {
            Location = s.Location,
            Sku = s.Sku,
            Supplier = s.Supplier,
            Category = s.Product.Category,
            Abc = abc,
            Xyz = xyz,
            ServiceLevel = serviceLevel,
            ServiceLevelSource = serviceLevelSource,
            Parameters = p,
            InventoryAsOf = s.InventoryAsOf,
            OnHand = s.OnHand,
            OnOrder = s.OnOrder,
            OpenPurchaseOrders = s.OpenPurchaseOrders,
            LeadTimePeriods = p.LeadTimeDays.Value / periodDays,
            ReviewPeriods = p.ReviewPeriodDays.Value / periodDays,
            UnitCost = s.UnitCost,
            Reason = "",
        };
        var protection = line.LeadTimePeriods + line.ReviewPeriods;
        var exposed = ReplenishmentCalculator.DemandOver(s.Forecast, Math.Min(protection, s.Forecast.Count));
        ReplenishmentAlert DataProblem(string kind, AlertSeverity severity, string message, DateOnly? date = null) =>
            new(s.Location, s.Sku, kind, severity, message, exposed, s.UnitCost, exposed * (s.UnitCost ?? 0), date);

        if (p.LeadTimeDays.Source == ParameterResolver.DefaultSource)
            alerts.Add(DataProblem(AlertKinds.MissingLeadTime, AlertSeverity.Info,
                $"No lead time in the products table or an override: the default {p.LeadTimeDays.Value} days was used"));
        if (s.OnHand is null || s.InventoryAsOf is not { } inventoryDate)
        {
            alerts.Add(DataProblem(AlertKinds.MissingInventory, AlertSeverity.Warning,
                $"No inventory snapshot at or before {Date(data.AsOf)}: no suggestion"));
            return line with { Reason = $"No suggestion: no inventory snapshot at or before {Date(data.AsOf)}" };
        }
        var age = data.AsOf.DayNumber - inventoryDate.DayNumber;
        if (age > options.StaleInventoryDays)
            alerts.Add(DataProblem(AlertKinds.StaleInventory, AlertSeverity.Warning,
                $"Inventory snapshot of {Date(inventoryDate)} is {age} days older than {Date(data.AsOf)} (limit {options.StaleInventoryDays} days)", inventoryDate));
        if (p.Problems.Count > 0)
        {
            var problems = string.Join(" ", p.Problems.Select(x => x.Message));
            alerts.Add(DataProblem(AlertKinds.InvalidParameters, AlertSeverity.Warning, $"{problems} No suggestion"));
            return line with { Reason = $"No suggestion: {problems}" };
        }
        var needed = (int)Math.Ceiling(protection - 1e-9);
        if (s.Forecast.Count < needed)
        {
            var message = $"The forecast has {s.Forecast.Count} periods after {Date(data.AsOf)}; lead time + review period needs {needed}";
            alerts.Add(DataProblem(AlertKinds.ShortForecast, AlertSeverity.Warning, $"{message}: no suggestion"));
            return line with { Reason = $"No suggestion: {message}" };
        }

        Suggestion suggestion;
        try
        {
            var policy = Policy(p, s, line.ReviewPeriods, periodDays);
            suggestion = ReplenishmentCalculator.Suggest(new SuggestionInput
            {
                OnHand = s.OnHand.Value,
                OnOrder = s.OnOrder + s.OpenPurchaseOrders,
                Forecast = s.Forecast,
                LeadTime = line.LeadTimePeriods,
                ReviewPeriod = line.ReviewPeriods,
                ServiceLevel = serviceLevel,
                Policy = policy,
                SafetyStock = SafetyStockFor(options, data.ErrorProfile, s, policy, line.LeadTimePeriods, line.ReviewPeriods, serviceLevel, periodDays),
                Constraints = p.ToOrderConstraints(),
            });
        }
        catch (ArgumentException e)
        {
            // Parameters the resolver accepts can still contradict each other (a maximum order quantity between the
            // MOQ and the next whole pack): one bad product must not stop the run.
            alerts.Add(DataProblem(AlertKinds.InvalidParameters, AlertSeverity.Warning, $"{FirstLine(e.Message)} No suggestion"));
            return line with { Reason = $"No suggestion: {FirstLine(e.Message)}" };
        }
        line = line with { Suggestion = suggestion, Reason = suggestion.Reason };
        alerts.AddRange(AlertRules.For(line, s, options, data.PeriodDays));
        return line;
    }

    static ReplenishmentPolicy Policy(EffectiveParameters p, SeriesData s, double reviewPeriods, double periodDays) => p.Policy.Value switch
    {
        ReplenishmentOptions.Continuous => new ContinuousReviewPolicy(LotSizeFor(p, s, reviewPeriods, periodDays)),
        ReplenishmentOptions.MinMax => new MinMaxPolicy(LotSizeFor(p, s, reviewPeriods, periodDays)),
        ReplenishmentOptions.Cover => new DaysOfCoverPolicy(p.CoverDays.Value / periodDays),
        _ => new PeriodicReviewPolicy(),
    };

    /// <summary>
    /// Q: the EOQ on the forecast's mean demand per period x periods per year when the unit cost is known, otherwise
    /// the forecast over one review period (at least 1 unit).
    /// </summary>
    static LotSize LotSizeFor(EffectiveParameters p, SeriesData s, double reviewPeriods, double periodDays)
    {
        if (s.UnitCost is > 0 and var cost)
        {
            var annual = s.Forecast.Average() * DaysPerYear / periodDays;
            return LotSize.FromEoq(new EoqParameters(annual, p.OrderCost.Value, cost, p.HoldingRatePerYear.Value));
        }
        return LotSize.Fixed(Math.Max(1, ReplenishmentCalculator.DemandOver(s.Forecast, Math.Min(reviewPeriods, s.Forecast.Count))));
    }

    /// <summary>
    /// The configured method, falling back along empirical -> quantile -> normal when a series lacks its data. Empirical
    /// needs the run's error profile, the series' scale and error scale and a profile reaching the safety-stock horizon (L + R for
    /// periodic policies, L for continuous ones); quantile needs two stored quantiles in every forecast period.
    /// </summary>
    static SafetyStockMethod SafetyStockFor(ReplenishmentOptions options, ErrorProfile? profile, SeriesData s, ReplenishmentPolicy policy,
        double leadTime, double reviewPeriod, double serviceLevel, double periodDays)
    {
        var horizon = policy.IsPeriodic ? leadTime + reviewPeriod : leadTime;
        if (options.SafetyStockMethod == ReplenishmentOptions.EmpiricalMethod && profile is not null && s.Scale is { } scale
            && s.ErrorScale is { } errorScale && horizon <= profile.Horizon + 1e-9)
            return new EmpiricalSafetyStock(profile.CumulativeErrors(horizon, errorScale, scale));
        if (options.SafetyStockMethod != ReplenishmentOptions.NormalMethod)
        {
            var quantiles = new double[s.Forecast.Count];
            for (var t = 0; t < quantiles.Length; t++)
                quantiles[t] = ForecastQuantiles.At(serviceLevel, s.P50[t], s.P90[t], s.P95[t]);
            if (Array.TrueForAll(quantiles, double.IsFinite))
                return new ForecastQuantileSafetyStock(quantiles);
        }
        return new NormalSafetyStock(s.DemandSd, options.LeadTimeSdDays / periodDays);
    }

    /// <summary>
    /// One alert per supplier and location whose suggested order (order quantity x unit cost, unknown costs as 0) is
    /// worth less than the supplier's minimum order value; the value at risk is the shortfall.
    /// </summary>
    static IEnumerable<ReplenishmentAlert> BelowSupplierMinimums(IEnumerable<ReplenishmentLine> lines, ReplenishmentOptions options)
    {
        if (options.SupplierMinimumOrderValues.Count == 0)
            return [];
        return lines.Where(l => l.OrderQuantity > 0 && l.Supplier is not null)
            .GroupBy(l => (Supplier: l.Supplier!, l.Location))
            .Select(g => (g.Key, Value: g.Sum(l => l.OrderQuantity!.Value * (l.UnitCost ?? 0)),
                Minimum: options.SupplierMinimumOrderValues.TryGetValue(g.Key.Supplier, out var minimum) ? minimum : 0))
            .Where(o => o.Value < o.Minimum)
            .Select(o => new ReplenishmentAlert(o.Key.Location, "", AlertKinds.BelowSupplierMinimum, AlertSeverity.Warning,
                $"The order to {o.Key.Supplier} for {o.Key.Location} is worth {Money(o.Value)}, below the supplier's minimum order value {Money(o.Minimum)}: add lines or hold the order",
                0, null, o.Minimum - o.Value));
    }

    static string Money(double value) => value.ToString("N2", CultureInfo.InvariantCulture);

    static int AlertOrder(ReplenishmentAlert a, ReplenishmentAlert b)
    {
        // Critical before warning before info, so a missing lead time never hides a stock-out; then the money at risk.
        var c = a.Severity.CompareTo(b.Severity);
        if (c == 0) c = b.ValueAtRisk.CompareTo(a.ValueAtRisk);
        if (c == 0) c = string.CompareOrdinal(a.Location, b.Location);
        if (c == 0) c = string.CompareOrdinal(a.Sku, b.Sku);
        if (c == 0) c = string.CompareOrdinal(a.Kind, b.Kind);
        return c;
    }

    static string Key(SeriesData s) => $"{s.Location}/{s.Sku}";

    static string FirstLine(string message) => message.Split('\n')[0].Split(" (Parameter")[0];

    static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
