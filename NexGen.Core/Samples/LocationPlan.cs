namespace NexGen.Core.Samples;

/// <summary>A store of the sample chain.</summary>
/// <param name="Index">0-based position in the output.</param>
/// <param name="Type"><c>supercenter</c>, <c>neighborhood</c> or <c>express</c>.</param>
/// <param name="SizeSqFt">Sales floor, in square feet.</param>
/// <param name="Scale">Demand relative to an average store.</param>
internal sealed record LocationPlan(int Index, string Id, string Name, string Type, int SizeSqFt, double Scale);
