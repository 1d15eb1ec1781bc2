using Dapper;
using NexGen.Core.Store;

namespace NexGen.Tests.Web.Api;

/// <summary>
/// A secured app (upload limit 12 MiB) holding a forecast whose keys look like spreadsheet formulas, and a snapshot of
/// every table: row count and an order-independent hash of all rows.
/// </summary>
public sealed class MalformedInputFixture : IAsyncLifetime
{
    SecuredApp? _app;

    public SecuredApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    public async Task InitializeAsync()
    {
        _app = await SecuredApp.StartAsync(new Dictionary<string, string?>
        {
            ["NexGen:MaxUploadBytes"] = SecuredAppFixture.UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security:RateLimitPermits"] = "100000",
        });
        var runs = _app.App.GetRequiredService<RunStore>();
        var id = await runs.StartAsync("forecast", "api", "{}", null);
        await runs.CompleteAsync(id, null, null,
        [
            new ForecastRow("store-1", "A1", new DateOnly(2024, 3, 15), 5, 2, 5, 8, 9, "global"),
            new ForecastRow("store-1", "=cmd|' /C calc'!A0", new DateOnly(2024, 3, 15), 1, null, null, null, null, "@global"),
            new ForecastRow("+store-2", "-A2", new DateOnly(2024, 3, 15), 2, null, null, null, null, "global"),
        ]);
    }

    /// <summary>Every table's row count and the XOR of its rows' hashes, by table name.</summary>
    public async Task<IReadOnlyDictionary<string, (long Rows, decimal Hash)>> SnapshotAsync()
    {
        using var connection = App.App.GetRequiredService<DuckDbStore>().Open();
        // The product catalog's summary is a cache the app rebuilds in the background (after the fixture's forecast,
        // for one): it and its version key are derived from the data, not data.
        var tables = await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_name <> 'catalog_summary' ORDER BY 1");
        var rows = await connection.QueryAsync<(string Table, long Rows, decimal Hash)>(string.Join(" UNION ALL ", tables.Select(table =>
            $"SELECT '{table}', count(*), CAST(coalesce(bit_xor(hash(t)), 0) AS DECIMAL(20, 0)) FROM \"{table}\" t" +
            (table == "dataset" ? " WHERE key <> 'catalog_summary'" : ""))));
        return rows.ToDictionary(r => r.Table, r => (r.Rows, r.Hash));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
