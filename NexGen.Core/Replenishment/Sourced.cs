namespace NexGen.Core.Replenishment;

/// <summary>An effective parameter value and where it came from (see <see cref="ParameterResolver"/> for the source names).</summary>
/// <typeparam name="T">The parameter's type.</typeparam>
/// <param name="Value">The value in force.</param>
/// <param name="Source">"default", "category:&lt;name&gt;", "product table", "product:&lt;sku&gt;", "location:&lt;loc&gt;" or "location:&lt;loc&gt;/product:&lt;sku&gt;".</param>
public sealed record Sourced<T>(T Value, string Source);
