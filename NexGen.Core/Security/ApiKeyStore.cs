using System.Security.Cryptography;
using System.Text;
using Dapper;
using NexGen.Core.Store;

namespace NexGen.Core.Security;

/// <summary>
/// API keys for machines. A key is 32 random bytes (base64url, prefixed <c>ngk_</c>); the store keeps only its SHA-256,
/// so a copy of the store gives no usable key. Keys are revoked, never deleted, so the audit log's references stay valid.
/// </summary>
public sealed class ApiKeyStore(DuckDbStore store)
{
    const string KeyPrefix = "ngk_";

    /// <summary>Creates a key for <paramref name="role"/> and returns it with the only copy of the key in clear.</summary>
    /// <exception cref="ArgumentException">The name is empty or longer than 100 characters, or the role is unknown.</exception>
    public Task<CreatedApiKey> CreateAsync(string name, string role, CancellationToken cancellationToken = default)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
            throw new ArgumentException("A key needs a name of 1 to 100 characters.", nameof(name));
        var known = Roles.Parse(role) ?? throw new ArgumentException($"'{role}' is not one of {string.Join(", ", Roles.All)}.", nameof(role));
        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return store.WriteAsync(connection =>
        {
            var id = connection.ExecuteScalar<long>("SELECT nextval('api_key_ids')");
            var record = new ApiKeyRecord(id, name, known, key[..(KeyPrefix.Length + 6)], DateTime.UtcNow, null);
            connection.Execute(
                "INSERT INTO api_keys VALUES ($Id, $Name, $Role, $hash, $Prefix, $Created, NULL)",
                new { record.Id, record.Name, record.Role, hash = Hash(key), record.Prefix, record.Created });
            return Task.FromResult(new CreatedApiKey(record, key));
        }, cancellationToken);
    }

    /// <summary>The valid (not revoked) key whose SHA-256 matches <paramref name="key"/>, or null.</summary>
    public async Task<ApiKeyRecord?> FindValidAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length > 200)
            return null;
        using var connection = store.Open();
        return await connection.QuerySingleOrDefaultAsync<ApiKeyRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE hash = $hash AND revoked IS NULL", new { hash = Hash(key) },
            cancellationToken: cancellationToken));
    }

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = await connection.QueryAsync<ApiKeyRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys ORDER BY id", cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Whether any key is valid (not revoked).</summary>
    public async Task<bool> AnyValidAsync(CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM api_keys WHERE revoked IS NULL", cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Revokes a key from now on; revoking a revoked key changes nothing.</summary>
    /// <exception cref="KeyNotFoundException">No key has this id.</exception>
    public Task RevokeAsync(long id, CancellationToken cancellationToken = default) =>
        store.WriteAsync(connection =>
        {
            if (connection.ExecuteScalar<long>("SELECT count(*) FROM api_keys WHERE id = $id", new { id }) == 0)
                throw new KeyNotFoundException($"There is no API key {id}.");
            connection.Execute("UPDATE api_keys SET revoked = $now WHERE id = $id AND revoked IS NULL", new { id, now = DateTime.UtcNow });
            return Task.FromResult(0);
        }, cancellationToken);

    static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    const string Columns = "id, name, role, prefix, created, revoked";
}
