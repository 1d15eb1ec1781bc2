namespace NexGen.Core.Replenishment;

/// <summary>XYZ class by coefficient of variation of demand per period (DOMAIN.md "Classification").</summary>
public enum XyzClass
{
    /// <summary>Steady: CV below 0.5 by default.</summary>
    X,
    /// <summary>Variable: CV below 1.0 by default.</summary>
    Y,
    /// <summary>Erratic: CV at or above 1.0 by default, or no demand at all.</summary>
    Z,
}
