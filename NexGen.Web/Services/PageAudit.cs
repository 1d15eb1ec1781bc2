using Microsoft.AspNetCore.Components.Authorization;
using NexGen.Core.Security;
using NexGen.Web.Security;

namespace NexGen.Web.Services;

/// <summary>
/// The audit log as the pages write it: every action that changes data (a run started or cancelled, a model promoted,
/// orders approved or exported, stock checked) is recorded with the signed-in user of the circuit, as the API records
/// its calls with the key. Scoped: one per circuit.
/// </summary>
public sealed class PageAudit(AuthenticationStateProvider authentication, AuditLog audit, ILogger<PageAudit> logger)
{
    /// <summary>The circuit's user as the audit log names it (<see cref="Actors.Of"/>).</summary>
    public async Task<string> ActorAsync() => Actors.Of((await authentication.GetAuthenticationStateAsync()).User);

    /// <summary>
    /// Records <paramref name="action"/> on <paramref name="target"/> by the circuit's user. The action has happened:
    /// a failure to write the entry is logged, not thrown.
    /// </summary>
    public async Task RecordAsync(string action, string? target, string? details = null) =>
        await audit.TryRecordAsync(logger, await ActorAsync(), action, target, details);
}
