using System.ComponentModel.DataAnnotations;
using NexGen.Core.Replenishment;

namespace NexGen.Tests.Replenishment;

public class ParameterResolverTests
{
    static readonly ProductParameters Widget = new("W-1", Category: "tools");

    static ReplenishmentOptions WithOverrides(params ParameterOverride[] overrides) => new() { Overrides = [.. overrides] };

    static List<ValidationResult> Validate(ReplenishmentOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void DefaultsOnlyGiveTheDocumentedValuesFromDefault()
    {
        var p = ParameterResolver.Resolve(new ReplenishmentOptions(), new ProductParameters("W-1"), "main");

        Assert.Equal(new Sourced<int>(7, "default"), p.LeadTimeDays);
        Assert.Equal(new Sourced<int>(7, "default"), p.ReviewPeriodDays);
        Assert.Equal(new Sourced<double?>(null, "default"), p.ServiceLevel);
        Assert.Equal(new Sourced<string>("periodic", "default"), p.Policy);
        Assert.Equal(new Sourced<double>(14, "default"), p.CoverDays);
        Assert.Equal(new Sourced<int>(1, "default"), p.PackSize);
        Assert.Equal(new Sourced<int>(0, "default"), p.MinOrderQuantity);
        Assert.Equal(new Sourced<int?>(null, "default"), p.MaxOrderQuantity);
        Assert.Equal(new Sourced<int?>(null, "default"), p.MaxStock);
        Assert.Equal(new Sourced<double>(25, "default"), p.OrderCost);
        Assert.Equal(new Sourced<double>(0.25, "default"), p.HoldingRatePerYear);
        Assert.Empty(p.Problems);
        Assert.Empty(Validate(new ReplenishmentOptions()));
    }

    [Fact]
    public void CategoryOverrideBeatsTheDefault()
    {
        var options = WithOverrides(
            new ParameterOverride { Scope = "category", Key = "tools", LeadTimeDays = 10, Policy = "minmax" },
            new ParameterOverride { Scope = "category", Key = "food", LeadTimeDays = 2 });

        var p = ParameterResolver.Resolve(options, Widget, "main");

        Assert.Equal(new Sourced<int>(10, "category:tools"), p.LeadTimeDays);
        Assert.Equal(new Sourced<string>("minmax", "category:tools"), p.Policy);
        Assert.Equal(new Sourced<int>(7, "default"), p.ReviewPeriodDays);
    }

    [Fact]
    public void ProductTableBeatsTheCategory()
    {
        var options = WithOverrides(new ParameterOverride { Scope = "category", Key = "tools", LeadTimeDays = 10, PackSize = 6 });
        var product = Widget with { LeadTimeDays = 12, MinOrderQuantity = 49.5, MaxOrderQuantity = 200.7 };

        var p = ParameterResolver.Resolve(options, product, "main");

        Assert.Equal(new Sourced<int>(12, "product table"), p.LeadTimeDays);
        Assert.Equal(new Sourced<int>(6, "category:tools"), p.PackSize); // table pack_size is null
        // Fractional table quantities: MOQ rounds up, maximum rounds down.
        Assert.Equal(new Sourced<int>(50, "product table"), p.MinOrderQuantity);
        Assert.Equal(new Sourced<int?>(200, "product table"), p.MaxOrderQuantity);
    }

    [Fact]
    public void ProductOverrideBeatsTheProductTable()
    {
        var options = WithOverrides(new ParameterOverride { Scope = "product", Key = "W-1", LeadTimeDays = 3, ServiceLevel = 0.99 });

        var p = ParameterResolver.Resolve(options, Widget with { LeadTimeDays = 12, PackSize = 12 }, "main");

        Assert.Equal(new Sourced<int>(3, "product:W-1"), p.LeadTimeDays);
        Assert.Equal(new Sourced<double?>(0.99, "product:W-1"), p.ServiceLevel);
        Assert.Equal(new Sourced<int>(12, "product table"), p.PackSize);
    }

    [Fact]
    public void LocationOverrideBeatsAllAndLocationProductIsMostSpecific()
    {
        var options = WithOverrides(
            // Listed most specific first to show the list order does not decide precedence between layers.
            new ParameterOverride { Scope = "location", Key = "north/W-1", MaxStock = 300 },
            new ParameterOverride { Scope = "location", Key = "north", LeadTimeDays = 21, MaxStock = 500, OrderCost = 40 },
            new ParameterOverride { Scope = "product", Key = "W-1", LeadTimeDays = 3, OrderCost = 30 },
            new ParameterOverride { Scope = "category", Key = "tools", LeadTimeDays = 10 },
            new ParameterOverride { Scope = "location", Key = "south", LeadTimeDays = 1 });

        var north = ParameterResolver.Resolve(options, Widget with { LeadTimeDays = 12 }, "north");
        var main = ParameterResolver.Resolve(options, Widget with { LeadTimeDays = 12 }, "main");

        Assert.Equal(new Sourced<int>(21, "location:north"), north.LeadTimeDays);
        Assert.Equal(new Sourced<double>(40, "location:north"), north.OrderCost);
        Assert.Equal(new Sourced<int?>(300, "location:north/product:W-1"), north.MaxStock);
        Assert.Equal(new Sourced<int>(3, "product:W-1"), main.LeadTimeDays);
        Assert.Equal(new Sourced<int?>(null, "default"), main.MaxStock);
    }

    [Fact]
    public void MaximumBelowMinimumIsReportedNotThrown()
    {
        var options = WithOverrides(new ParameterOverride { Scope = "product", Key = "W-1", MaxOrderQuantity = 40 });

        var p = ParameterResolver.Resolve(options, Widget with { MinOrderQuantity = 50 }, "main");

        var problem = Assert.Single(p.Problems);
        Assert.Equal("MaxOrderQuantity", problem.Parameter);
        Assert.Equal("Maximum order quantity 40 (product:W-1) is below the minimum order quantity 50 (product table).", problem.Message);
    }

    [Fact]
    public void ValidParametersMakeOrderConstraints()
    {
        var p = ParameterResolver.Resolve(new ReplenishmentOptions(), Widget with { PackSize = 12, MinOrderQuantity = 50, MaxOrderQuantity = 200 }, "main");

        // Hand-computed as in OrderConstraintsTests: raw 20 -> 24 -> MOQ 50 -> 5 packs = 60.
        Assert.Equal(60, p.ToOrderConstraints().Apply(20, 0).Final);
    }

    [Fact]
    public void ValidationRejectsNegativeLeadTime()
    {
        var results = Validate(new ReplenishmentOptions { LeadTimeDays = -1 });

        Assert.Contains(results, r => r.MemberNames.Contains(nameof(ReplenishmentOptions.LeadTimeDays)));
    }

    [Fact]
    public void ValidationRejectsUnknownPolicy()
    {
        var results = Validate(new ReplenishmentOptions { Policy = "just-in-time" });

        Assert.Contains(results, r => r.MemberNames.Contains(nameof(ReplenishmentOptions.Policy)));
    }

    [Fact]
    public void ValidationRejectsBadOverrides()
    {
        var options = WithOverrides(
            new ParameterOverride { Scope = "product", Key = "W-1", LeadTimeDays = -3 },
            new ParameterOverride { Scope = "category", Key = "tools", Policy = "kanban" },
            new ParameterOverride { Scope = "supplier", Key = "acme" },
            new ParameterOverride { Scope = "location", Key = "north", Policy = "cover" });

        var members = Validate(options).SelectMany(r => r.MemberNames).ToHashSet();

        Assert.Equal(new HashSet<string> { "Overrides[0].LeadTimeDays", "Overrides[1].Policy", "Overrides[2].Scope" }, members);
    }
}
