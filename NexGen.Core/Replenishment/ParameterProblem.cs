namespace NexGen.Core.Replenishment;

/// <summary>An invalid combination of effective parameters, reported rather than thrown so one bad product does not stop a run.</summary>
/// <param name="Parameter">The parameter at fault, e.g. "MaxOrderQuantity".</param>
/// <param name="Message">Plain-language description naming the values and their sources.</param>
public sealed record ParameterProblem(string Parameter, string Message);
