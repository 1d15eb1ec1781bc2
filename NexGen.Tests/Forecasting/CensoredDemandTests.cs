using NexGen.Core.Features;

namespace NexGen.Tests.Forecasting;

public class CensoredDemandTests
{
    [Fact]
    public void ZeroRunInAFastMoverIsCensoredOnceItIsImprobable()
    {
        // Rate before the run: mean of the last 4 periods = (4+4+4+4)/4 = 4. One zero: exp(-4) = 0.018 (a lull);
        // two zeros: exp(-8) = 0.0003 < 0.001, so the second zero and later ones are a stock-out, estimated at 4.
        float[] quantity = [4, 4, 4, 4, 0, 0, 0, 5];
        var demand = new float[8];
        var censored = new bool[8];
        CensoredDemand.Detect(quantity, demand, censored, first: 0, window: 4);
        Assert.Equal([false, false, false, false, false, true, true, false], censored);
        Assert.Equal([4f, 4, 4, 4, 0, 4, 4, 5], demand);
    }

    [Fact]
    public void ZerosOfASlowMoverAreNotCensored()
    {
        // Rate (0+1+0+1)/4 = 0.5: three zeros have probability exp(-1.5) = 0.22, an ordinary lull.
        float[] quantity = [0, 1, 0, 1, 0, 0, 0, 1];
        var demand = new float[8];
        var censored = new bool[8];
        CensoredDemand.Detect(quantity, demand, censored, first: 0, window: 4);
        Assert.All(censored, Assert.False);
        Assert.Equal(quantity, demand);
    }

    [Fact]
    public void FlagsDoNotDependOnLaterPeriods()
    {
        float[] shortRun = [3, 3, 3, 3, 0, 0, 9, 9];
        float[] longRun = [3, 3, 3, 3, 0, 0, 0, 0];
        var a = new bool[8];
        var b = new bool[8];
        CensoredDemand.Detect(shortRun, new float[8], a, 0, 4);
        CensoredDemand.Detect(longRun, new float[8], b, 0, 4);
        Assert.Equal(a[..6], b[..6]);
    }
}
