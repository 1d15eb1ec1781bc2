using NexGen.Core.Replenishment;

namespace NexGen.Tests.Replenishment;

public class ClassificationTests
{
    // Total 1000. Ranked: SKU-1 400 (.40, cum .40), SKU-2 250 (.25, .65), SKU-3 150 (.15, .80), SKU-4 100 (.10, .90),
    // then a tie at 50 (.05 each): ordinal puts "Beta" (B = 66) before "beta" (b = 98) -> cum .95, then 1.00.
    // (A culture-aware sort would put "beta" first.)
    static readonly ItemSalesValue[] SixItems =
    [
        new("beta", 50), new("SKU-3", 150), new("SKU-1", 400), new("Beta", 50), new("SKU-4", 100), new("SKU-2", 250),
    ];

    [Fact]
    public void AbcRanksByValueAndCutsAtEightyAndNinetyFivePercentInclusive()
    {
        var items = Abc.Classify(SixItems);

        Assert.Equal(["SKU-1", "SKU-2", "SKU-3", "SKU-4", "Beta", "beta"], items.Select(i => i.Key));
        Assert.Equal([0.40, 0.25, 0.15, 0.10, 0.05, 0.05], items.Select(i => Math.Round(i.Share, 10)));
        Assert.Equal([0.40, 0.65, 0.80, 0.90, 0.95, 1.00], items.Select(i => Math.Round(i.CumulativeShare, 10)));
        // .80 is exactly the A cut-off -> A; .95 exactly the B cut-off -> B; the tied "beta" takes the total to 1 -> C.
        Assert.Equal([AbcClass.A, AbcClass.A, AbcClass.A, AbcClass.B, AbcClass.B, AbcClass.C], items.Select(i => i.Class));
    }

    [Fact]
    public void AbcCutOffsAreConfigurable()
    {
        // Cut-offs 0.50 / 0.90: cum .40 A; .65, .80, .90 B; .95, 1.00 C.
        var items = Abc.Classify(SixItems, new ClassificationOptions { ACutoff = 0.5, BCutoff = 0.9 });
        Assert.Equal([AbcClass.A, AbcClass.B, AbcClass.B, AbcClass.B, AbcClass.C, AbcClass.C], items.Select(i => i.Class));
    }

    [Fact]
    public void AbcCountsTheItemItselfInItsCumulativeShare()
    {
        // One item holds 90 %: its cumulative share .90 is past 0.80, so by the literal rule it is B; the other, 1.00, C.
        var items = Abc.Classify([new("big", 900), new("small", 100)]);
        Assert.Equal([AbcClass.B, AbcClass.C], items.Select(i => i.Class));
    }

    [Fact]
    public void AbcClipsReturnsAndCallsEverythingCWithoutSales()
    {
        // The return -50 counts as 0, so the total is 100 (not 50) and "x" has share 1.00, "ret" share 0.
        var items = Abc.Classify([new("ret", -50), new("x", 100)]);
        Assert.Equal(["x", "ret"], items.Select(i => i.Key));
        Assert.Equal(1.0, items[0].Share, 10);
        Assert.Equal(0, items[1].SalesValue);
        Assert.All(Abc.Classify([new("a", 0), new("b", 0)]), i => Assert.Equal(AbcClass.C, i.Class));
        Assert.Throws<ArgumentException>(() => Abc.Classify([new("a", 1), new("a", 2)]));
    }

    [Fact]
    public void XyzUsesThePopulationCoefficientOfVariation()
    {
        // [6, 14, NaN]: NaN left out; mean 10, population sd 4 -> CV 0.40 -> X. (The sample sd, 5.657, would give 0.566 -> Y.)
        var x = Xyz.Classify([6, 14, double.NaN]);
        Assert.Equal(XyzClass.X, x.Class);
        Assert.Equal(0.4, x.Cv, 10);

        // [2, 18, 10, 10]: mean 10, squared deviations 64 + 64 + 0 + 0 = 128, / 4 = 32, sd 5.657 -> CV 0.5657 -> Y.
        var y = Xyz.Classify([2, 18, 10, 10]);
        Assert.Equal(XyzClass.Y, y.Class);
        Assert.Equal(Math.Sqrt(32) / 10, y.Cv, 10);

        // [0, 0, 0, 40]: mean 10, squared deviations 3 x 100 + 900 = 1200, / 4 = 300, sd 17.3205 -> CV 1.7321 -> Z.
        var z = Xyz.Classify([0, 0, 0, 40]);
        Assert.Equal(XyzClass.Z, z.Class);
        Assert.Equal(10, z.Mean, 10);
        Assert.Equal(1.7321, z.Cv, 4);
    }

    [Fact]
    public void XyzLimitsAreStrictUpperBounds()
    {
        // [5, 15]: CV exactly 0.5 -> Y (X needs < 0.5). [0, 20]: CV exactly 1.0 -> Z. No demand: Z with infinite CV.
        Assert.Equal(XyzClass.Y, Xyz.Classify([5, 15]).Class);
        Assert.Equal(XyzClass.Z, Xyz.Classify([0, 20]).Class);
        Assert.True(double.IsPositiveInfinity(Xyz.Classify([0, 0, 0]).Cv));
        // Configurable: with X < 0.6 the [2, 18, 10, 10] series (CV 0.5657) becomes X.
        Assert.Equal(XyzClass.X, Xyz.Classify([2, 18, 10, 10], new ClassificationOptions { XLimit = 0.6 }).Class);
    }

    [Fact]
    public void ServiceLevelTargetsMapEveryClassAndCanBeOverridden()
    {
        var targets = new ServiceLevelTargets();
        double[] expected = [0.98, 0.97, 0.95, 0.97, 0.96, 0.94, 0.95, 0.93, 0.90];
        var actual = from abc in Enum.GetValues<AbcClass>() from xyz in Enum.GetValues<XyzClass>() select targets.For(abc, xyz);
        Assert.Equal(expected, actual);

        var custom = targets with { BY = 0.99 };
        Assert.Equal(0.99, custom.For(AbcClass.B, XyzClass.Y));
        Assert.Equal(0.97, custom.For(AbcClass.A, XyzClass.Y));
        Assert.Throws<ArgumentOutOfRangeException>(() => (targets with { CZ = 1.0 }).Validate());
    }
}
