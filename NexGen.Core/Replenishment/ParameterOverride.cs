using System.ComponentModel.DataAnnotations;

namespace NexGen.Core.Replenishment;

/// <summary>
/// One override of <see cref="ReplenishmentOptions"/>: the parameters it sets (null = not overridden) for one
/// category, product or location. Units and ranges as in <see cref="ReplenishmentOptions"/>.
/// </summary>
public sealed class ParameterOverride : IValidatableObject
{
    /// <summary>Scope name of a category override; <see cref="Key"/> is the category.</summary>
    public const string CategoryScope = "category";
    /// <summary>Scope name of a product override; <see cref="Key"/> is the sku.</summary>
    public const string ProductScope = "product";
    /// <summary>Scope name of a location override; <see cref="Key"/> is the location, or "location/sku" for one product there.</summary>
    public const string LocationScope = "location";

    /// <summary>category | product | location.</summary>
    [Required, AllowedValues(CategoryScope, ProductScope, LocationScope)]
    public string Scope { get; set; } = "";

    /// <summary>The category name, sku, location, or "location/sku"; compared exactly (ordinal).</summary>
    [Required]
    public string Key { get; set; } = "";

    /// <summary>Lead time in days.</summary>
    [Range(0, 3650)]
    public int? LeadTimeDays { get; set; }

    /// <summary>Review period in days.</summary>
    [Range(1, 3650)]
    public int? ReviewPeriodDays { get; set; }

    /// <summary>Service-level target as a probability in (0, 1).</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public double? ServiceLevel { get; set; }

    /// <summary>periodic | continuous | minmax | cover.</summary>
    [AllowedValues(null, ReplenishmentOptions.Periodic, ReplenishmentOptions.Continuous, ReplenishmentOptions.MinMax, ReplenishmentOptions.Cover)]
    public string? Policy { get; set; }

    /// <summary>Cover in days.</summary>
    [Range(0.0, double.MaxValue)]
    public double? CoverDays { get; set; }

    /// <summary>Units per pack.</summary>
    [Range(1, int.MaxValue)]
    public int? PackSize { get; set; }

    /// <summary>Minimum order quantity in units.</summary>
    [Range(0, int.MaxValue)]
    public int? MinOrderQuantity { get; set; }

    /// <summary>Maximum order quantity in units.</summary>
    [Range(1, int.MaxValue)]
    public int? MaxOrderQuantity { get; set; }

    /// <summary>Maximum stock in units.</summary>
    [Range(0, int.MaxValue)]
    public int? MaxStock { get; set; }

    /// <summary>Cost per order in currency.</summary>
    [Range(0.0, double.MaxValue)]
    public double? OrderCost { get; set; }

    /// <summary>Holding rate per year as a fraction of unit cost.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double? HoldingRatePerYear { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Scope == LocationScope && Key.Split('/') is { Length: > 2 } or [_, ""] or ["", ..])
            yield return new ValidationResult($"A location key is 'location' or 'location/sku', not '{Key}'.", [nameof(Key)]);
    }
}
