namespace NexGen.Core.Samples;

/// <summary>An item of a category (e.g. "Orange Juice") with the sizes it comes in.</summary>
internal sealed record ProductLine(string Item, string[] Sizes);
