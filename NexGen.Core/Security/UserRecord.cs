namespace NexGen.Core.Security;

/// <summary>A row of <c>users</c>: a person who signs in with a password (its hash is not part of the record).</summary>
public sealed record UserRecord(long Id, string Name, string Role, DateTime Created);
