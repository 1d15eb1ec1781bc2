namespace NexGen.Core.Replenishment;

/// <summary>
/// Resolves the effective parameters of one location x sku. Layers apply in this order, each later one replacing
/// the values it sets (most specific wins):
/// <list type="number">
/// <item>"default": <see cref="ReplenishmentOptions"/>;</item>
/// <item>"category:&lt;name&gt;": overrides with scope category and the product's category;</item>
/// <item>"product table": the product's own non-null values (pack size, MOQ, max order quantity, lead time);</item>
/// <item>"product:&lt;sku&gt;": overrides with scope product and the sku;</item>
/// <item>"location:&lt;loc&gt;": overrides with scope location and key loc;</item>
/// <item>"location:&lt;loc&gt;/product:&lt;sku&gt;": overrides with scope location and key "loc/sku".</item>
/// </list>
/// Within one layer, later overrides in the list win. Keys compare ordinally. An override cannot reset a value to
/// null (null means "not set"). Invalid combinations are returned in <see cref="EffectiveParameters.Problems"/>.
/// </summary>
public static class ParameterResolver
{
    /// <summary>Source of a value taken from the options' defaults.</summary>
    public const string DefaultSource = "default";

    /// <summary>Source of a value taken from the products table.</summary>
    public const string ProductTableSource = "product table";

    /// <summary>Resolves every parameter of one product at one location.</summary>
    /// <param name="options">Defaults and overrides; assumed validated at start-up.</param>
    /// <param name="product">The product's sku, category and table values.</param>
    /// <param name="location">The location ordering the product.</param>
    public static EffectiveParameters Resolve(ReplenishmentOptions options, ProductParameters product, string location)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(location);

        var p = new EffectiveParameters
        {
            LeadTimeDays = new(options.LeadTimeDays, DefaultSource),
            ReviewPeriodDays = new(options.ReviewPeriodDays, DefaultSource),
            ServiceLevel = new(options.ServiceLevel, DefaultSource),
            Policy = new(options.Policy, DefaultSource),
            CoverDays = new(options.CoverDays, DefaultSource),
            PackSize = new(options.PackSize, DefaultSource),
            MinOrderQuantity = new(options.MinOrderQuantity, DefaultSource),
            MaxOrderQuantity = new(options.MaxOrderQuantity, DefaultSource),
            MaxStock = new(options.MaxStock, DefaultSource),
            OrderCost = new(options.OrderCost, DefaultSource),
            HoldingRatePerYear = new(options.HoldingRatePerYear, DefaultSource),
        };

        var overrides = options.Overrides.Where(o => o is not null).ToList();
        if (product.Category is { } category)
            p = ApplyAll(p, overrides, ParameterOverride.CategoryScope, category, $"category:{category}");
        p = Apply(p, FromTable(product), ProductTableSource);
        p = ApplyAll(p, overrides, ParameterOverride.ProductScope, product.Sku, $"product:{product.Sku}");
        p = ApplyAll(p, overrides, ParameterOverride.LocationScope, location, $"location:{location}");
        p = ApplyAll(p, overrides, ParameterOverride.LocationScope, $"{location}/{product.Sku}", $"location:{location}/product:{product.Sku}");
        return p with { Problems = Check(p) };
    }

    static ParameterOverride FromTable(ProductParameters product) => new()
    {
        PackSize = product.PackSize,
        // The table stores quantities as DOUBLE; orders are whole units, so round towards the stricter whole value.
        MinOrderQuantity = product.MinOrderQuantity is { } min ? (int)Math.Ceiling(min) : null,
        MaxOrderQuantity = product.MaxOrderQuantity is { } max ? (int)Math.Floor(max) : null,
        LeadTimeDays = product.LeadTimeDays,
    };

    static EffectiveParameters ApplyAll(EffectiveParameters p, List<ParameterOverride> overrides, string scope, string key, string source)
    {
        foreach (var o in overrides)
            if (o.Scope == scope && string.Equals(o.Key, key, StringComparison.Ordinal))
                p = Apply(p, o, source);
        return p;
    }

    static EffectiveParameters Apply(EffectiveParameters p, ParameterOverride o, string source) => p with
    {
        LeadTimeDays = Take(p.LeadTimeDays, o.LeadTimeDays, source),
        ReviewPeriodDays = Take(p.ReviewPeriodDays, o.ReviewPeriodDays, source),
        ServiceLevel = TakeOptional(p.ServiceLevel, o.ServiceLevel, source),
        Policy = o.Policy is { } policy ? new(policy, source) : p.Policy,
        CoverDays = Take(p.CoverDays, o.CoverDays, source),
        PackSize = Take(p.PackSize, o.PackSize, source),
        MinOrderQuantity = Take(p.MinOrderQuantity, o.MinOrderQuantity, source),
        MaxOrderQuantity = TakeOptional(p.MaxOrderQuantity, o.MaxOrderQuantity, source),
        MaxStock = TakeOptional(p.MaxStock, o.MaxStock, source),
        OrderCost = Take(p.OrderCost, o.OrderCost, source),
        HoldingRatePerYear = Take(p.HoldingRatePerYear, o.HoldingRatePerYear, source),
    };

    static Sourced<T> Take<T>(Sourced<T> current, T? candidate, string source) where T : struct =>
        candidate is { } value ? new(value, source) : current;

    static Sourced<T?> TakeOptional<T>(Sourced<T?> current, T? candidate, string source) where T : struct =>
        candidate is { } value ? new(value, source) : current;

    static List<ParameterProblem> Check(EffectiveParameters p)
    {
        var problems = new List<ParameterProblem>();
        // Options are validated at start-up, but product table values are not bound by them.
        if (p.PackSize.Value < 1)
            problems.Add(new(nameof(p.PackSize), $"Pack size {p.PackSize.Value} ({p.PackSize.Source}) must be at least 1."));
        if (p.LeadTimeDays.Value < 0)
            problems.Add(new(nameof(p.LeadTimeDays), $"Lead time {p.LeadTimeDays.Value} days ({p.LeadTimeDays.Source}) must be >= 0."));
        if (p.MinOrderQuantity.Value < 0)
            problems.Add(new(nameof(p.MinOrderQuantity), $"Minimum order quantity {p.MinOrderQuantity.Value} ({p.MinOrderQuantity.Source}) must be >= 0."));
        if (p.MaxOrderQuantity.Value is { } max)
        {
            if (max < p.MinOrderQuantity.Value)
                problems.Add(new(nameof(p.MaxOrderQuantity),
                    $"Maximum order quantity {max} ({p.MaxOrderQuantity.Source}) is below the minimum order quantity {p.MinOrderQuantity.Value} ({p.MinOrderQuantity.Source})."));
            else if (p.PackSize.Value >= 1 && max < p.PackSize.Value)
                problems.Add(new(nameof(p.MaxOrderQuantity),
                    $"Maximum order quantity {max} ({p.MaxOrderQuantity.Source}) is below one pack of {p.PackSize.Value} ({p.PackSize.Source})."));
        }
        return problems;
    }
}
