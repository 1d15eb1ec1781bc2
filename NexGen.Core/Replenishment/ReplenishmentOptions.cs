using System.ComponentModel.DataAnnotations;

namespace NexGen.Core.Replenishment;

/// <summary>
/// Settings of the <c>Replenishment</c> section: default product parameters and their overrides per category, product
/// and location. <see cref="ParameterResolver"/> turns them into the effective value of each parameter and its source.
/// </summary>
public sealed class ReplenishmentOptions : IValidatableObject
{
    /// <summary>Configuration section bound to these options.</summary>
    public const string SectionName = "Replenishment";

    /// <summary>Policy name of periodic review order-up-to (R, S).</summary>
    public const string Periodic = "periodic";
    /// <summary>Policy name of continuous review (s, Q).</summary>
    public const string Continuous = "continuous";
    /// <summary>Policy name of min/max (s, S).</summary>
    public const string MinMax = "minmax";
    /// <summary>Policy name of days of cover.</summary>
    public const string Cover = "cover";

    /// <summary>Supplier lead time in days, &gt;= 0. Default 7.</summary>
    [Range(0, 3650)]
    public int LeadTimeDays { get; set; } = 7;

    /// <summary>Review period in days, &gt;= 1. Default 7.</summary>
    [Range(1, 3650)]
    public int ReviewPeriodDays { get; set; } = 7;

    /// <summary>
    /// Cycle service-level target as a probability in (0, 1), e.g. 0.95. Default null: taken from the item's ABC x XYZ
    /// class (<see cref="ServiceLevelTargets"/>).
    /// </summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public double? ServiceLevel { get; set; }

    /// <summary>Inventory policy: periodic | continuous | minmax | cover (lower case). Default periodic.</summary>
    [Required, AllowedValues(Periodic, Continuous, MinMax, Cover)]
    public string Policy { get; set; } = Periodic;

    /// <summary>Cover of the days-of-cover policy, in days, &gt;= 0. Default 14.</summary>
    [Range(0.0, double.MaxValue)]
    public double CoverDays { get; set; } = 14;

    /// <summary>Units per pack, &gt;= 1. Default 1 (whole units).</summary>
    [Range(1, int.MaxValue)]
    public int PackSize { get; set; } = 1;

    /// <summary>Minimum order quantity in units, &gt;= 0. Default 0 (none).</summary>
    [Range(0, int.MaxValue)]
    public int MinOrderQuantity { get; set; }

    /// <summary>Maximum order quantity per line in units, &gt;= 1. Default null (none).</summary>
    [Range(1, int.MaxValue)]
    public int? MaxOrderQuantity { get; set; }

    /// <summary>Maximum stock in units (inventory position + order), &gt;= 0. Default null (none).</summary>
    [Range(0, int.MaxValue)]
    public int? MaxStock { get; set; }

    /// <summary>Fixed cost of placing one order, in currency, &gt;= 0. Default 25.</summary>
    [Range(0.0, double.MaxValue)]
    public double OrderCost { get; set; } = 25;

    /// <summary>Holding cost as a fraction of unit cost per year, &gt; 0, e.g. 0.25. Default 0.25.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double HoldingRatePerYear { get; set; } = 0.25;

    /// <summary>Safety-stock method name: sizes safety stock from the empirical quantile of backtest forecast error.</summary>
    public const string EmpiricalMethod = "empirical";
    /// <summary>Safety-stock method name: sizes safety stock from the forecast's stored quantiles (p50, p90, p95).</summary>
    public const string QuantileMethod = "quantile";
    /// <summary>Safety-stock method name: the normal approximation z x sqrt(P x sd_d^2 + d^2 x sd_L^2).</summary>
    public const string NormalMethod = "normal";

    /// <summary>
    /// How safety stock is sized: empirical | quantile | normal (lower case). Default empirical. A series the chosen
    /// method has no data for falls back to the next one in that order; the method used is in each suggestion.
    /// </summary>
    [Required, AllowedValues(EmpiricalMethod, QuantileMethod, NormalMethod)]
    public string SafetyStockMethod { get; set; } = EmpiricalMethod;

    /// <summary>sd_L of the normal method: standard deviation of the lead time in days, &gt;= 0. Default 0 (fixed lead time).</summary>
    [Range(0.0, 3650.0)]
    public double LeadTimeSdDays { get; set; }

    /// <summary>Overstock alert: cover (inventory position / mean forecast per day) above this many days. Default 90.</summary>
    [Range(1, 3650)]
    public int OverstockDays { get; set; } = 90;

    /// <summary>Dead-stock alert: stock on hand and no sale for at least this many days. Default 60.</summary>
    [Range(1, 3650)]
    public int DeadStockDays { get; set; } = 60;

    /// <summary>Stale-inventory alert: the latest inventory snapshot is more than this many days older than the as-of date. Default 7.</summary>
    [Range(0, 3650)]
    public int StaleInventoryDays { get; set; } = 7;

    /// <summary>
    /// ABC cut-offs (0.80 / 0.95), XYZ limits (0.5 / 1.0) and the service-level target per class (AX 0.98 .. CZ 0.90),
    /// used when <see cref="ServiceLevel"/> is not set.
    /// </summary>
    public ClassificationOptions Classification { get; set; } = new();

    /// <summary>Overrides per category, product or location; see <see cref="ParameterResolver"/> for precedence.</summary>
    public List<ParameterOverride> Overrides { get; set; } = [];

    /// <summary>
    /// Minimum order value per supplier (currency): a supplier's suggested order for a location worth less raises a
    /// <c>below_supplier_minimum</c> alert (add lines or hold the order). Suppliers not listed have none.
    /// </summary>
    public Dictionary<string, double> SupplierMinimumOrderValues { get; set; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <remarks>DataAnnotations does not descend into lists or nested objects, so the classification and each override are validated here.</remarks>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? classification = null;
        try
        {
            Classification.Validate();
        }
        catch (ArgumentException e)
        {
            classification = e.Message;
        }
        if (classification is not null)
            yield return new ValidationResult($"{nameof(Classification)}: {classification}", [nameof(Classification)]);
        foreach (var (supplier, minimum) in SupplierMinimumOrderValues)
            if (!(minimum >= 0 && double.IsFinite(minimum)))
                yield return new ValidationResult($"{nameof(SupplierMinimumOrderValues)}:{supplier} must be a finite amount >= 0.",
                    [$"{nameof(SupplierMinimumOrderValues)}:{supplier}"]);
        for (var i = 0; i < Overrides.Count; i++)
        {
            var prefix = $"{nameof(Overrides)}[{i}]";
            if (Overrides[i] is not { } item)
            {
                yield return new ValidationResult($"{prefix} is empty.", [prefix]);
                continue;
            }
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(item, new ValidationContext(item), results, validateAllProperties: true);
            foreach (var r in results)
                yield return new ValidationResult($"{prefix} ({item.Scope} '{item.Key}'): {r.ErrorMessage}",
                    r.MemberNames.Select(m => $"{prefix}.{m}").ToArray());
        }
    }
}
