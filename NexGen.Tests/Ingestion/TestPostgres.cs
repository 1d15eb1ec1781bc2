using Dapper;
using Npgsql;

namespace NexGen.Tests.Ingestion;

/// <summary>
/// A fresh database on the PostgreSQL that ./test.sh starts (its connection string is in NEXGEN_TEST_POSTGRES);
/// dropped on dispose. Without the variable a test fails and says how to get one: it never passes silently.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "NEXGEN_TEST_POSTGRES";

    readonly string _server;

    TestPostgres(string server, string database)
    {
        _server = server;
        Database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    public string Database { get; }
    public string ConnectionString { get; }

    /// <summary>The server's connection string; fails the test when ./test.sh did not provide one.</summary>
    public static string Server()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
            Assert.Fail($"{Variable} is not set: the SQL-source tests need the throwaway PostgreSQL that ./test.sh starts. Run ./test.sh.");
        return server;
    }

    public static async Task<TestPostgres> CreateAsync()
    {
        var server = Server();
        var database = "nexgen_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(server);
        await admin.ExecuteAsync($"CREATE DATABASE {database}");
        return new TestPostgres(server, database);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.ExecuteAsync(sql);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
    }
}
