namespace NexGen.Core.Replenishment;

/// <summary>
/// Cut-offs of the ABC x XYZ classification (DOMAIN.md "Classification") and the service-level target per class.
/// </summary>
public sealed record ClassificationOptions
{
    /// <summary>Items whose cumulative share of sales value is at most this are A; a share in (0, 1], default 0.80.</summary>
    public double ACutoff { get; init; } = 0.80;

    /// <summary>Items whose cumulative share is above <see cref="ACutoff"/> and at most this are B; default 0.95.</summary>
    public double BCutoff { get; init; } = 0.95;

    /// <summary>A coefficient of variation below this is X; default 0.5.</summary>
    public double XLimit { get; init; } = 0.5;

    /// <summary>A coefficient of variation below this (and not X) is Y, otherwise Z; default 1.0.</summary>
    public double YLimit { get; init; } = 1.0;

    /// <summary>Cycle service-level target per class.</summary>
    public ServiceLevelTargets ServiceLevels { get; init; } = new();

    /// <summary>Throws with a plain message when a cut-off is out of order or a target is not a probability.</summary>
    public void Validate()
    {
        if (!(ACutoff > 0 && ACutoff <= BCutoff && BCutoff <= 1))
            throw new ArgumentOutOfRangeException(nameof(ACutoff), $"ABC cut-offs must satisfy 0 < A ({ACutoff}) <= B ({BCutoff}) <= 1.");
        if (!(XLimit > 0 && XLimit <= YLimit && !double.IsNaN(YLimit)))
            throw new ArgumentOutOfRangeException(nameof(XLimit), $"XYZ limits must satisfy 0 < X ({XLimit}) <= Y ({YLimit}).");
        ArgumentNullException.ThrowIfNull(ServiceLevels);
        ServiceLevels.Validate();
    }
}
