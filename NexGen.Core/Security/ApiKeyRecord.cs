namespace NexGen.Core.Security;

/// <summary>A row of <c>api_keys</c>: what is kept of a key (its SHA-256, never the key itself).</summary>
/// <param name="Prefix">The key's first characters, shown so that people can tell keys apart.</param>
/// <param name="Revoked">When the key was revoked, UTC; null while it is valid.</param>
public sealed record ApiKeyRecord(long Id, string Name, string Role, string Prefix, DateTime Created, DateTime? Revoked);
