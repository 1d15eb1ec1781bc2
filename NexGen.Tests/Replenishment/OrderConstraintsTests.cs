using NexGen.Core.Replenishment;

namespace NexGen.Tests.Replenishment;

public class OrderConstraintsTests
{
    static readonly OrderConstraints Pack12 = new() { PackSize = 12 };

    static void AssertSteps(ConstrainedOrder order, int afterPack, int afterMinimum, int afterMaximum, int afterStock, int final)
    {
        Assert.Equal(
            (afterPack, afterMinimum, afterMaximum, afterStock, final),
            (order.AfterPack, order.AfterMinimum, order.AfterMaximum, order.AfterMaximumStock, order.Final));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void NoNeedMeansNoOrderEvenWithAMinimum(double rawNeed)
    {
        // Raw need <= 0 -> 0 at every step; the MOQ 50 does not turn "nothing" into 60.
        var order = (Pack12 with { MinimumOrderQuantity = 50 }).Apply(rawNeed, inventoryPosition: 100);
        AssertSteps(order, 0, 0, 0, 0, 0);
        Assert.Equal(rawNeed, order.RawNeed);
    }

    [Theory]
    // 40 / 12 = 3.33 -> 4 packs = 48; 48 is already 4 packs -> 48 (not 60); 0.5 -> 1 pack = 12.
    [InlineData(40, 48)]
    [InlineData(48, 48)]
    [InlineData(0.5, 12)]
    public void RoundsUpToWholePacks(double rawNeed, int expected)
    {
        var order = Pack12.Apply(rawNeed, 0);
        Assert.Equal(expected, order.AfterPack);
        Assert.Equal(expected, order.Final);
        Assert.Equal(expected / 12, order.Packs);
    }

    [Fact]
    public void WithoutAPackSizeOrdersWholeUnits()
    {
        // 46.58 -> 47.
        Assert.Equal(47, OrderConstraints.None.Apply(46.58, 0).Final);
    }

    [Fact]
    public void BelowTheMinimumRaisesToTheMinimumRoundedUpToPacks()
    {
        // MOQ 50, pack 12: raw 20 -> 2 packs = 24 -> below 50 -> 50 / 12 = 4.17 -> 5 packs = 60.
        var order = (Pack12 with { MinimumOrderQuantity = 50 }).Apply(20, 0);
        AssertSteps(order, 24, 60, 60, 60, 60);
        Assert.True(order.RaisedToMinimum);
    }

    [Fact]
    public void AboveTheMaximumCapsRoundedDownToPacks()
    {
        // Max 100, pack 12: raw 130 -> 11 packs = 132 -> above 100 -> 100 / 12 = 8.33 -> 8 packs = 96.
        var order = (Pack12 with { MaximumOrderQuantity = 100 }).Apply(130, 0);
        AssertSteps(order, 132, 132, 96, 96, 96);
        Assert.True(order.CappedAtMaximum);
    }

    [Theory]
    // Pack 12 + MOQ 50 + max 200 (the example):
    // raw 7   -> 12  -> raised to 60 (5 packs) -> 60;
    // raw 150 -> 156 (13 packs) -> 156 -> 156 (below 200);
    // raw 250 -> 252 (21 packs) -> 252 -> capped at 200 / 12 = 16.67 -> 16 packs = 192.
    [InlineData(7, 12, 60, 60)]
    [InlineData(150, 156, 156, 156)]
    [InlineData(250, 252, 252, 192)]
    public void PackMinimumAndMaximumTogether(double rawNeed, int afterPack, int afterMinimum, int final)
    {
        var constraints = Pack12 with { MinimumOrderQuantity = 50, MaximumOrderQuantity = 200 };
        AssertSteps(constraints.Apply(rawNeed, 0), afterPack, afterMinimum, final, final, final);
    }

    [Fact]
    public void MaximumStockCapsInventoryPositionPlusOrderRoundedDownToPacks()
    {
        // Max stock 200, IP 150: room 50 -> 4 packs = 48. Raw 70 -> 6 packs = 72 -> capped to 48; 150 + 48 = 198 <= 200.
        var order = (Pack12 with { MaximumStock = 200 }).Apply(70, inventoryPosition: 150);
        AssertSteps(order, 72, 72, 72, 48, 48);
        Assert.True(order.CappedByMaximumStock);
    }

    [Fact]
    public void MaximumStockRoomBelowTheMinimumMeansNoOrder()
    {
        // As above with MOQ 50: 72 -> 72 -> room 48 < MOQ 50 -> order nothing rather than break the MOQ.
        var order = (Pack12 with { MinimumOrderQuantity = 50, MaximumStock = 200 }).Apply(70, 150);
        AssertSteps(order, 72, 72, 72, 48, 0);
        Assert.Contains("below the minimum order quantity 50", Assert.Single(order.Notes));

        // IP 195: room 5 < one pack -> 0.
        var full = (Pack12 with { MaximumStock = 200 }).Apply(70, 195);
        AssertSteps(full, 72, 72, 72, 0, 0);
        Assert.Contains("no room", Assert.Single(full.Notes));
    }

    [Fact]
    public void SupplierMinimumOrderValueIsOnlyNotedPerLine()
    {
        var order = (Pack12 with { SupplierMinimumOrderValue = 500 }).Apply(40, 0);
        Assert.Equal(48, order.Final);
        Assert.Contains("Supplier minimum order value 500", Assert.Single(order.Notes));
    }

    [Fact]
    public void ContradictoryConstraintsAreRejected()
    {
        // Max 40 with MOQ 50: no whole number of packs of 12 fits (the smallest order is 60, the cap 36).
        Assert.Throws<ArgumentOutOfRangeException>(() => (Pack12 with { MinimumOrderQuantity = 50, MaximumOrderQuantity = 40 }).Apply(20, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderConstraints { PackSize = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (Pack12 with { MaximumOrderQuantity = 11 }).Validate());
    }
}
