using Dapper;
using NexGen.Core.Store;

namespace NexGen.Core.Security;

/// <summary>
/// People who sign in. The store keeps password hashes made by the caller (ASP.NET Core Identity's hasher in the web
/// app and the CLI), so this class never sees a password.
/// </summary>
public sealed class UserStore(DuckDbStore store)
{
    /// <summary>Adds a user, or replaces the role and password of an existing one; returns the user.</summary>
    /// <exception cref="ArgumentException">The name is empty, too long or has spaces, or the role is unknown.</exception>
    public Task<UserRecord> SaveAsync(string name, string role, string passwordHash, CancellationToken cancellationToken = default)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 100 || name.Any(char.IsWhiteSpace))
            throw new ArgumentException("A user name is 1 to 100 characters without spaces.", nameof(name));
        var known = Roles.Parse(role) ?? throw new ArgumentException($"'{role}' is not one of {string.Join(", ", Roles.All)}.", nameof(role));
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        return store.WriteAsync(connection =>
        {
            var existing = connection.ExecuteScalar<long?>("SELECT id FROM users WHERE name = $name", new { name });
            var id = existing ?? connection.ExecuteScalar<long>("SELECT nextval('user_ids')");
            if (existing is null)
                connection.Execute("INSERT INTO users VALUES ($id, $name, $known, $passwordHash, $now)", new { id, name, known, passwordHash, now = DateTime.UtcNow });
            else
                connection.Execute("UPDATE users SET role = $known, password_hash = $passwordHash WHERE id = $id", new { id, known, passwordHash });
            return Task.FromResult(connection.QuerySingle<UserRecord>($"SELECT {Columns} FROM users WHERE id = $id", new { id }));
        }, cancellationToken);
    }

    /// <summary>The user and their password hash, or null when no user has this name.</summary>
    public async Task<(UserRecord User, string PasswordHash)?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {Columns}, password_hash AS PasswordHash FROM users WHERE name = $name", new { name }, cancellationToken: cancellationToken));
        return row is null ? null : (new UserRecord(row.Id, row.Name, row.Role, row.Created), row.PasswordHash);
    }

    /// <summary>Every user, by name.</summary>
    public async Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = await connection.QueryAsync<UserRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM users ORDER BY name", cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Whether any user exists.</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM users", cancellationToken: cancellationToken)) > 0;
    }

    const string Columns = "id, name, role, created";

    sealed record UserRow(long Id, string Name, string Role, DateTime Created, string PasswordHash);
}
