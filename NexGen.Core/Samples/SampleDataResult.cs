namespace NexGen.Core.Samples;

/// <summary>What <see cref="SampleDataGenerator.GenerateAsync"/> wrote.</summary>
/// <param name="Files">Full paths of the files written: sales, products, inventory, promotions, events, locations.</param>
/// <param name="SalesRows">Data rows in the sales file (locations x SKUs x days), header not counted.</param>
public sealed record SampleDataResult(IReadOnlyList<string> Files, long SalesRows);
