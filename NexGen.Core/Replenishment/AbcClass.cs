namespace NexGen.Core.Replenishment;

/// <summary>ABC class by share of sales value (DOMAIN.md "Classification").</summary>
public enum AbcClass
{
    /// <summary>The items making up the first 80 % (by default) of sales value.</summary>
    A,
    /// <summary>The items making up the next 15 % (by default).</summary>
    B,
    /// <summary>The rest.</summary>
    C,
}
