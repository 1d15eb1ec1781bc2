using Dapper;
using NexGen.Core.Store;

namespace NexGen.Core.Security;

/// <summary>The audit log: appended to by every change a user, a key or the CLI makes; never updated.</summary>
public sealed class AuditLog(DuckDbStore store)
{
    /// <summary>Appends an entry stamped now (UTC).</summary>
    public Task RecordAsync(string actor, string action, string? target, string? details = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrEmpty(action);
        return store.WriteAsync(connection => Task.FromResult(connection.Execute(
            "INSERT INTO audit_log VALUES (nextval('audit_ids'), $now, $actor, $action, $target, $details)",
            new { now = DateTime.UtcNow, actor, action, target, details })), cancellationToken);
    }

    /// <summary>The most recent entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            "SELECT id, occurred AS At, actor, action, target, details FROM audit_log ORDER BY id DESC LIMIT $count",
            new { count }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
