namespace NexGen.Core.Replenishment;

/// <summary>A step of a replenishment run.</summary>
/// <param name="Phase">What the run is doing, e.g. "reading inventory".</param>
/// <param name="Fraction">Share done, from 0 to 1.</param>
public sealed record ReplenishmentProgress(string Phase, double Fraction);
