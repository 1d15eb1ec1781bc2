namespace NexGen.Core.Replenishment;

/// <summary>
/// Cycle service-level target per ABC x XYZ class, as probabilities. Defaults: AX 0.98, AY 0.97, AZ 0.95, BX 0.97,
/// BY 0.96, BZ 0.94, CX 0.95, CY 0.93, CZ 0.90 (valuable, steady items get the most protection).
/// </summary>
public sealed record ServiceLevelTargets
{
    /// <summary>Target for A items with steady demand; default 0.98.</summary>
    public double AX { get; init; } = 0.98;
    /// <summary>Target for A items with variable demand; default 0.97.</summary>
    public double AY { get; init; } = 0.97;
    /// <summary>Target for A items with erratic demand; default 0.95.</summary>
    public double AZ { get; init; } = 0.95;
    /// <summary>Target for B items with steady demand; default 0.97.</summary>
    public double BX { get; init; } = 0.97;
    /// <summary>Target for B items with variable demand; default 0.96.</summary>
    public double BY { get; init; } = 0.96;
    /// <summary>Target for B items with erratic demand; default 0.94.</summary>
    public double BZ { get; init; } = 0.94;
    /// <summary>Target for C items with steady demand; default 0.95.</summary>
    public double CX { get; init; } = 0.95;
    /// <summary>Target for C items with variable demand; default 0.93.</summary>
    public double CY { get; init; } = 0.93;
    /// <summary>Target for C items with erratic demand; default 0.90.</summary>
    public double CZ { get; init; } = 0.90;

    /// <summary>The cycle service-level target of one class, as a probability.</summary>
    /// <param name="abc">The item's ABC class.</param>
    /// <param name="xyz">The item's XYZ class.</param>
    public double For(AbcClass abc, XyzClass xyz) => (abc, xyz) switch
    {
        (AbcClass.A, XyzClass.X) => AX,
        (AbcClass.A, XyzClass.Y) => AY,
        (AbcClass.A, XyzClass.Z) => AZ,
        (AbcClass.B, XyzClass.X) => BX,
        (AbcClass.B, XyzClass.Y) => BY,
        (AbcClass.B, XyzClass.Z) => BZ,
        (AbcClass.C, XyzClass.X) => CX,
        (AbcClass.C, XyzClass.Y) => CY,
        (AbcClass.C, XyzClass.Z) => CZ,
        _ => throw new ArgumentOutOfRangeException(nameof(abc), $"Unknown class {abc}{xyz}."),
    };

    /// <summary>Throws unless every target is a probability strictly between 0 and 1.</summary>
    public void Validate()
    {
        foreach (var abc in Enum.GetValues<AbcClass>())
            foreach (var xyz in Enum.GetValues<XyzClass>())
                ServiceLevels.Validate(For(abc, xyz), $"{abc}{xyz}");
    }
}
