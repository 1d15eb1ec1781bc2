namespace NexGen.Core.Security;

/// <summary>A new API key: <paramref name="Key"/> is shown once to whoever created it and is not stored anywhere.</summary>
public sealed record CreatedApiKey(ApiKeyRecord Record, string Key);
