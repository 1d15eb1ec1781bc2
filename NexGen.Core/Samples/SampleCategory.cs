namespace NexGen.Core.Samples;

/// <summary>The product categories of the sample assortment.</summary>
internal enum SampleCategory
{
    Beverages,
    Snacks,
    Dairy,
    Household,
    PersonalCare,
    Frozen,
    Bakery,
    Produce,
}
