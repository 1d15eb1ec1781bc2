namespace NexGen.Web.Services;

/// <summary>Where a <see cref="BackgroundRunner{TResult}"/>'s work is.</summary>
/// <param name="Phase">What it is doing, e.g. "planning".</param>
/// <param name="Fraction">Share done, from 0 to 1.</param>
public sealed record JobProgress(string Phase, double Fraction);
