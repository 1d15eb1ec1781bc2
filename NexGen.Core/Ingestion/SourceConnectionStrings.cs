namespace NexGen.Core.Ingestion;

/// <summary>
/// Finds a SQL source's connection string by its name: the settings' <c>ConnectionStrings</c> section first (which
/// includes the environment variable <c>ConnectionStrings__{name}</c>), then the environment variable <c>{name}</c>.
/// Only the name is ever shown; the string itself goes to the driver and nowhere else.
/// </summary>
/// <param name="fromSettings">The settings' lookup, e.g. <c>configuration.GetConnectionString</c>.</param>
public sealed class SourceConnectionStrings(Func<string, string?> fromSettings)
{
    /// <summary>The connection string named <paramref name="name"/>; null when neither place has one.</summary>
    public string? Find(string name) =>
        NonEmpty(fromSettings(name)) ?? NonEmpty(Environment.GetEnvironmentVariable(name));

    static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
