using Microsoft.AspNetCore.Components;
using NexGen.Core.Security;
using NexGen.Web.Services;

namespace NexGen.Web.Components.Pages;

/// <summary>The admin page: create and revoke API keys, see users and the audit log.</summary>
public partial class Admin
{
    const int AuditCount = 100;

    [Inject] AccessAdmin Access { get; set; } = default!;
    [Inject] ILogger<Admin> Logger { get; set; } = default!;

    [Inject] PageAudit Audit { get; set; } = default!;

    IReadOnlyList<ApiKeyRecord> _keys = [];
    IReadOnlyList<UserRecord> _users = [];
    IReadOnlyList<AuditEntry> _audit = [];
    string _name = "";
    string _role = Roles.Planner;
    CreatedApiKey? _created;
    string? _error;

    protected override Task OnInitializedAsync() => LoadAsync();

    async Task LoadAsync()
    {
        _keys = await Access.KeysAsync(CancellationToken.None);
        _users = await Access.UsersAsync(CancellationToken.None);
        _audit = await Access.AuditAsync(AuditCount, CancellationToken.None);
    }

    async Task CreateAsync()
    {
        _error = null;
        try
        {
            _created = await Access.CreateKeyAsync(await ActorAsync(), _name, _role, CancellationToken.None);
            _name = "";
            await LoadAsync();
        }
        catch (ArgumentException e)
        {
            _error = e.Message;
        }
    }

    async Task RevokeAsync(long id)
    {
        _error = null;
        try
        {
            await Access.RevokeKeyAsync(await ActorAsync(), id, CancellationToken.None);
            await LoadAsync();
        }
        catch (KeyNotFoundException e)
        {
            Logger.LogWarning("Revoking key {Id} failed: {Message}", id, e.Message);
            _error = e.Message;
        }
    }

    Task<string> ActorAsync() => Audit.ActorAsync();
}
