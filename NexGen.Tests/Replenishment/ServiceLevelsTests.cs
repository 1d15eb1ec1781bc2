using NexGen.Core.Replenishment;

namespace NexGen.Tests.Replenishment;

public class ServiceLevelsTests
{
    [Theory]
    // DOMAIN.md's table, to its 4 decimals.
    [InlineData(0.90, 1.2816)]
    [InlineData(0.95, 1.6449)]
    [InlineData(0.98, 2.0537)]
    [InlineData(0.99, 2.3263)]
    public void ZMatchesTheDomainTable(double serviceLevel, double z)
    {
        Assert.Equal(z, ServiceLevels.Z(serviceLevel), 4);
    }

    [Theory]
    // Reference quantiles of the standard normal (Wichura AS241, double precision), checked to 1e-6 in the central
    // region, both tails (p < 0.02425 and p > 0.97575) and deep in the tail.
    [InlineData(0.5, 0.0)]
    [InlineData(0.8, 0.8416212335729144)]
    [InlineData(0.93, 1.4757910281791708)]
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(0.999, 3.090232306167813)]
    [InlineData(0.9999, 3.7190164854557084)]
    [InlineData(0.01, -2.3263478740408408)]
    [InlineData(0.03, -1.8807936081512509)]
    [InlineData(1e-6, -4.753424308822899)]
    public void ZIsAccurateToAMillionthAcrossTheRange(double p, double z)
    {
        Assert.InRange(ServiceLevels.Z(p), z - 1e-6, z + 1e-6);
    }

    [Fact]
    public void ZIsSymmetricAroundOneHalf()
    {
        Assert.Equal(-ServiceLevels.Z(0.97), ServiceLevels.Z(0.03), 9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(95.0)]
    [InlineData(double.NaN)]
    public void ZRejectsLevelsThatAreNotOpenProbabilities(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceLevels.Z(p));
    }
}
