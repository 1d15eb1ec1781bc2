using System.Globalization;

namespace NexGen.Core.Samples;

/// <summary>What <see cref="SampleDataGenerator"/> generates. The same options always give byte-identical files.</summary>
/// <param name="Locations">Number of stores, 1 to 999 (ids L01.., or L001.. above 99).</param>
/// <param name="Skus">Number of products, 1 to 99,999 (ids SKU00001..).</param>
/// <param name="Days">Number of consecutive sales days, 1 to 36,525 (100 years).</param>
/// <param name="Seed">Random seed; any value.</param>
/// <param name="Start">First sales day; default <see cref="DefaultStart"/> (a constant, never today, so output is reproducible).</param>
/// <param name="Gzip">Write sales as <c>sales.csv.gz</c> instead of <c>sales.csv</c>.</param>
public sealed record SampleDataOptions(int Locations = 3, int Skus = 200, int Days = 730, int Seed = 42, DateOnly? Start = null, bool Gzip = false)
{
    /// <summary>First sales day when <see cref="Start"/> is not set: 2024-11-25.</summary>
    public static readonly DateOnly DefaultStart = new(2024, 11, 25);

    public const int MaxLocations = 999;

    public const int MaxSkus = 99_999;

    /// <summary>Longest period, 100 years: a series is encoded in memory before it is written.</summary>
    public const int MaxDays = 36_525;

    /// <summary>The first sales day: <see cref="Start"/> or <see cref="DefaultStart"/>.</summary>
    public DateOnly StartDate => Start ?? DefaultStart;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> with a readable message when an option is out of range.</summary>
    public void Validate()
    {
        if (Locations is < 1 or > MaxLocations)
        {
            throw new ArgumentOutOfRangeException(nameof(Locations), Locations, "The number of locations must be between 1 and 999.");
        }

        if (Skus is < 1 or > MaxSkus)
        {
            throw new ArgumentOutOfRangeException(nameof(Skus), Skus, "The number of SKUs must be between 1 and 99,999.");
        }

        if (Days is < 1 or > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(Days), Days, "The number of days must be between 1 and 36,525 (100 years).");
        }

        if (Days - 1 > DateOnly.MaxValue.DayNumber - StartDate.DayNumber)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Days), Days, string.Create(CultureInfo.InvariantCulture, $"{Days} days from {StartDate:yyyy-MM-dd} would run past the year 9999."));
        }
    }
}
