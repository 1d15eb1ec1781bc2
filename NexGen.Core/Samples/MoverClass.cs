namespace NexGen.Core.Samples;

/// <summary>How fast a SKU sells at an average store.</summary>
internal enum MoverClass
{
    /// <summary>Tens to hundreds of units a day.</summary>
    Fast,

    /// <summary>A few units a day, rarely a zero.</summary>
    Medium,

    /// <summary>Well under one unit a day: mostly zeros (intermittent demand).</summary>
    Slow,
}
