namespace NexGen.Core.Ingestion;

/// <summary>A SQL source that cannot be loaded as configured (no connection string, a setting that does not fit its data).</summary>
public sealed class SqlSourceException(string message) : Exception(message);
