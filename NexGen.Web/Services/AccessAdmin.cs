using NexGen.Core.Security;

namespace NexGen.Web.Services;

/// <summary>What the admin page does: API keys created and revoked on behalf of an actor (audited), users and the audit log read.</summary>
public sealed class AccessAdmin(ApiKeyStore keys, UserStore users, AuditLog audit)
{
    public Task<IReadOnlyList<ApiKeyRecord>> KeysAsync(CancellationToken cancellationToken) => keys.ListAsync(cancellationToken);

    public Task<IReadOnlyList<UserRecord>> UsersAsync(CancellationToken cancellationToken) => users.ListAsync(cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> AuditAsync(int count, CancellationToken cancellationToken) => audit.RecentAsync(count, cancellationToken);

    /// <summary>Creates a key; the returned key in clear is to be shown once and never stored.</summary>
    public async Task<CreatedApiKey> CreateKeyAsync(string actor, string name, string role, CancellationToken cancellationToken)
    {
        var created = await keys.CreateAsync(name, role, cancellationToken);
        await audit.RecordAsync(actor, "key.create", $"key {created.Record.Id}", $"{created.Record.Name}, {created.Record.Role}", CancellationToken.None);
        return created;
    }

    public async Task RevokeKeyAsync(string actor, long id, CancellationToken cancellationToken)
    {
        await keys.RevokeAsync(id, cancellationToken);
        await audit.RecordAsync(actor, "key.revoke", $"key {id}", null, CancellationToken.None);
    }
}
