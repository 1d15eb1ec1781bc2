namespace NexGen.Core.Security;

/// <summary>
/// A row of <c>users</c>: a person who signs in with a password (its hash and the security stamp are not part of the
/// record). A disabled user cannot sign in, and their sessions end.
/// </summary>
public sealed record UserRecord(long Id, string Name, string Role, DateTime Created, bool Disabled);
