namespace NexGen.Core.Samples;

/// <summary>How a category sells and is supplied; the generator draws each SKU's attributes around it.</summary>
/// <param name="Share">Share of SKUs in this category (shares sum to 1).</param>
/// <param name="Weekly">Demand multipliers Monday..Sunday, mean 1.</param>
/// <param name="Bumps">Yearly seasonality.</param>
/// <param name="MinPrice">Lowest initial shelf price, in dollars.</param>
/// <param name="MaxPrice">Highest initial shelf price, in dollars.</param>
/// <param name="PackSizes">Case sizes the supplier ships, in units.</param>
/// <param name="MinLeadTime">Shortest supplier lead time, in days.</param>
/// <param name="MaxLeadTime">Longest supplier lead time, in days.</param>
/// <param name="Elasticity">Typical price elasticity of demand (positive: +1 % price, -e % units).</param>
/// <param name="Storable">Whether shoppers stock up on promotion, so sales dip for a few days after one.</param>
internal sealed record CategoryProfile(
    SampleCategory Category,
    string Name,
    double Share,
    double[] Weekly,
    SeasonalBump[] Bumps,
    double MinPrice,
    double MaxPrice,
    int[] PackSizes,
    string Supplier,
    int MinLeadTime,
    int MaxLeadTime,
    double Elasticity,
    bool Storable,
    string[] Brands,
    ProductLine[] Lines);
