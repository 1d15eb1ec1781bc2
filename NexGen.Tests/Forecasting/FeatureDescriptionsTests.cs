using NexGen.Core.Features;

namespace NexGen.Tests.Forecasting;

public sealed class FeatureDescriptionsTests
{
    [Theory]
    [InlineData("lag_1", 7, "Sales in the latest week")]
    [InlineData("lag_2", 7, "Sales 1 week before the latest")]
    [InlineData("lag_14", 1, "Sales 13 days before the latest")]
    [InlineData("mean_13", 7, "Mean of the last 13 weeks")]
    [InlineData("std_28", 1, "Variability over the last 28 days")]
    [InlineData("max_13", 7, "Highest of the last 13 weeks")]
    [InlineData("same_season_last", 7, "The latest same week of the year")]
    [InlineData("same_season_last", 1, "The latest same weekday")]
    [InlineData("same_season_mean4", 1, "The same weekday over the last 4 weeks")]
    [InlineData("last_year_window", 7, "Around the same week a year earlier")]
    [InlineData("x_Temperature", 7, "Temperature (external variable)")]
    [InlineData("lag_x", 7, "lag_x")]
    [InlineData("something_new", 1, "something_new")]
    public void FeaturesAreDescribedInTheGrainsPeriods(string feature, int periodDays, string expected) =>
        Assert.Equal(expected, FeatureDescriptions.Describe(feature, periodDays));

    [Theory]
    [InlineData(7)]
    [InlineData(1)]
    public void EveryFeatureOfTheSpecHasItsOwnDescription(int periodDays)
    {
        var names = FeatureSpec.For(periodDays, ["Temperature"]).Names;
        var described = names.Select(n => FeatureDescriptions.Describe(n, periodDays)).ToList();
        Assert.All(names.Zip(described), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.Equal(described.Count, described.Distinct().Count());
    }
}
