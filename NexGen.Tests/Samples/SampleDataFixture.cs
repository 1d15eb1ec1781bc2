using System.Globalization;
using NexGen.Core.Samples;

namespace NexGen.Tests.Samples;

/// <summary>
/// One small dataset (2 stores x 40 SKUs x 400 days, seed 7) generated once for the behaviour tests, parsed on
/// demand, and deleted afterwards.
/// </summary>
public sealed class SampleDataFixture : IAsyncLifetime
{
    public static readonly SampleDataOptions SmallOptions = new(Locations: 2, Skus: 40, Days: 400, Seed: 7);

    private readonly Lazy<IReadOnlyList<SalesRow>> _sales;

    public SampleDataFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "nexgen-samples-" + Guid.NewGuid().ToString("N"));
        _sales = new Lazy<IReadOnlyList<SalesRow>>(() =>
            [.. SampleCsv.Read(PathOf(SampleDataGenerator.SalesFile)).Rows.Select(r => new SalesRow(
                r[0],
                r[1],
                SampleCsv.Date(r[2]),
                int.Parse(r[3], CultureInfo.InvariantCulture),
                SampleCsv.Number(r[4]),
                r[5] == "1"))]);
    }

    public string Directory { get; }

    public SampleDataResult Result { get; private set; } = new([], 0);

    public IReadOnlyList<SalesRow> Sales => _sales.Value;

    public string PathOf(string file) => Path.Combine(Directory, file);

    public SampleCsv Read(string file) => SampleCsv.Read(PathOf(file));

    public async Task InitializeAsync() => Result = await new SampleDataGenerator().GenerateAsync(SmallOptions, Directory);

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
