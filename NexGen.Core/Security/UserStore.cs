using Dapper;
using NexGen.Core.Store;

namespace NexGen.Core.Security;

/// <summary>
/// People who sign in. The store keeps password hashes made by the caller (ASP.NET Core Identity's hasher in the web
/// app and the CLI), so this class never sees a password. Each user has a security stamp, copied into their sign-in
/// cookie: any change to the user (role, password, disabled) draws a new one, which ends the sessions made with the old.
/// </summary>
public sealed class UserStore(DuckDbStore store)
{
    /// <summary>Adds a user, or replaces the role and password of an existing one (ending their sessions); returns the user.</summary>
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
            var stamp = NewStamp();
            if (existing is null)
                connection.Execute("INSERT INTO users (id, name, role, password_hash, created, stamp, disabled) VALUES ($id, $name, $known, $passwordHash, $now, $stamp, false)",
                    new { id, name, known, passwordHash, now = DateTime.UtcNow, stamp });
            else
                connection.Execute("UPDATE users SET role = $known, password_hash = $passwordHash, stamp = $stamp WHERE id = $id", new { id, known, passwordHash, stamp });
            return Task.FromResult(connection.QuerySingle<UserRecord>($"SELECT {Columns} FROM users WHERE id = $id", new { id }));
        }, cancellationToken);
    }

    /// <summary>
    /// Disables a user (they cannot sign in, and their sessions end) or enables them again; false when no user has
    /// this name. Either way the user gets a new security stamp.
    /// </summary>
    public Task<bool> SetDisabledAsync(string name, bool disabled, CancellationToken cancellationToken = default) =>
        store.WriteAsync(connection => Task.FromResult(connection.Execute(
            "UPDATE users SET disabled = $disabled, stamp = $stamp WHERE name = $name", new { name, disabled, stamp = NewStamp() }) > 0), cancellationToken);

    /// <summary>The user, their password hash and their security stamp, or null when no user has this name.</summary>
    public async Task<UserSecrets?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {Columns}, password_hash AS PasswordHash, stamp FROM users WHERE name = $name", new { name }, cancellationToken: cancellationToken));
        return row is null ? null : new UserSecrets(new UserRecord(row.Id, row.Name, row.Role, row.Created, row.Disabled), row.PasswordHash, row.Stamp);
    }

    /// <summary>The security stamp of the user with this name while they may sign in; null when unknown or disabled.</summary>
    public async Task<string?> ActiveStampAsync(string name, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT stamp FROM users WHERE name = $name AND NOT disabled", new { name }, cancellationToken: cancellationToken));
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

    static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    const string Columns = "id, name, role, created, disabled";

    sealed record UserRow(long Id, string Name, string Role, DateTime Created, bool Disabled, string PasswordHash, string Stamp);
}

/// <summary>A user as sign-in needs them: the record, the password hash and the security stamp for the cookie.</summary>
public sealed record UserSecrets(UserRecord User, string PasswordHash, string Stamp);
