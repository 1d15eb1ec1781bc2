using System.Data;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using NexGen.Core.Ingestion;
using NexGen.Core.Store;

namespace NexGen.Tests.Ingestion;

/// <summary>
/// SQL Server sources through the same loader with Microsoft.Data.SqlClient. No SQL Server can run here, so these check
/// the T-SQL that is sent and how connections fail and are cancelled, against real sockets on loopback.
/// </summary>
public class SqlServerSourceTests
{
    const string Password = "Sup3r-Secret!";
    const string Query = "SELECT StoreId, ItemCode, SaleDate, Units, ModifiedAt FROM dbo.DailySales";

    static SqlSourceOptions Sales(string? query = Query, string? table = null, TimeSpan? lookback = null) => new()
    {
        Name = "erp",
        Provider = SqlSourceOptions.SqlServer,
        ConnectionStringName = SourceLoaders.ConnectionStringName,
        Query = query,
        Table = table,
        Columns = new() { ["StoreId"] = "location", ["ItemCode"] = "sku", ["SaleDate"] = "date", ["Units"] = "quantity" },
        Watermark = "ModifiedAt",
        WatermarkLookback = lookback,
    };

    static string ConnectionString(int port, int timeoutSeconds) =>
        $"Server=tcp:127.0.0.1,{port};Database=Erp;User ID=nexgen;Password={Password};Encrypt=false;Connect Timeout={timeoutSeconds};Connect Retry Count=0";

    [Fact]
    public void AnIncrementalLoadSendsTSqlWithADatetime2Watermark()
    {
        var provider = SqlSourceProvider.For(SqlSourceOptions.SqlServer);
        var since = new DateTime(2024, 3, 4, 8, 0, 6, 3);

        Assert.Equal(new SourceCommand(Query, null, null), provider.Command(Sales(), null));
        Assert.Equal(new SourceCommand($"SELECT * FROM (\n{Query}\n) AS nexgen_source WHERE [ModifiedAt] > @since", since, DbType.DateTime2),
            provider.Command(Sales(query: $"  {Query};  "), since));
        Assert.Equal(new SourceCommand($"SELECT * FROM (\n{Query}\n) AS nexgen_source WHERE [ModifiedAt] >= @since", since.AddDays(-2), DbType.DateTime2),
            provider.Command(Sales(lookback: TimeSpan.FromDays(2)), since));
        Assert.Equal(new SourceCommand("SELECT * FROM (\nSELECT * FROM [dbo].[Daily]]Sales]\n) AS nexgen_source WHERE [ModifiedAt] > @since", 42L, null),
            provider.Command(Sales(query: null, table: "dbo.Daily]Sales"), 42L));
    }

    [Fact]
    public void ADateWatermarkWithALookbackGoesBackWholeDaysAndAnIntegerOneCannotHaveALookback()
    {
        var provider = SqlSourceProvider.For(SqlSourceOptions.SqlServer);
        Assert.Equal(new DateOnly(2024, 3, 2), provider.Command(Sales(lookback: TimeSpan.FromHours(30)), new DateOnly(2024, 3, 4)).Since);
        var error = Assert.Throws<SqlSourceException>(() => provider.Command(Sales(lookback: TimeSpan.FromDays(1)), 42L));
        Assert.Equal("WatermarkLookback applies to date and time watermarks; this watermark is integer (42). Remove the lookback.", error.Message);
    }

    [Fact]
    public void TheConnectionIsASqlClientConnectionOnTheGivenStringAndTheCommandCarriesTheTimeout()
    {
        var provider = SqlSourceProvider.For(SqlSourceOptions.SqlServer);
        using var connection = Assert.IsType<SqlConnection>(provider.CreateConnection(ConnectionString(14330, 7)));
        Assert.Equal(("tcp:127.0.0.1,14330", "Erp", 7, ConnectionState.Closed),
            (connection.DataSource, connection.Database, connection.ConnectionTimeout, connection.State));
        var definition = provider.Command(Sales(), new DateTime(2024, 3, 4)).Definition(600, CancellationToken.None);
        Assert.Equal(600, definition.CommandTimeout);
        Assert.Equal(new DateTime(2024, 3, 4), ((Dapper.DynamicParameters)definition.Parameters!).Get<DateTime>("since"));
    }

    [Fact]
    public async Task ANoServerFailsTheLoadWithAClearErrorWithoutTheSecretAndChangesNothing()
    {
        await using var test = new TestStore();
        var port = ClosedPort();
        var loader = SourceLoaders.Create(test, ConnectionString(port, 3), Sales());
        var clock = Stopwatch.StartNew();

        var report = await loader.LoadAsync("erp");
        Assert.Equal(ImportStatus.Failed, report.Status);
        Assert.StartsWith($"Source erp (sqlserver) could not connect to tcp:127.0.0.1,{port}: A network-related or instance-specific error", report.Message);
        Assert.EndsWith("(provider: TCP Provider, error: 35 - An internal exception was caught). Nothing was changed.", report.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        var audit = Assert.Single(test.Query<string>("SELECT status || '|' || file_name || '|' || report FROM imports"));
        Assert.StartsWith("failed|source erp|", audit);
        Assert.DoesNotContain(Password, audit);
        Assert.Equal((true, Query), (report.Source!.Full, report.Source.Sql));
        Assert.Equal(0, test.Count("sales"));
    }

    [Fact]
    public async Task AServerThatNeverAnswersIsAbandonedWhenTheLoadIsCancelled()
    {
        // Accepts the TCP connection and then says nothing: the TDS login hangs until the token cancels it.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var test = new TestStore();
        var loader = SourceLoaders.Create(test, ConnectionString(port, 60), Sales());
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var report = await loader.LoadAsync("erp", cancellationToken: cancel.Token);
        Assert.Equal(ImportStatus.Cancelled, report.Status);
        Assert.Equal("Cancelled the load of source erp; nothing was changed.", report.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Equal(["cancelled"], test.Query<string>("SELECT status FROM imports"));
    }

    [Fact]
    public async Task AMissingConnectionStringFailsTheLoadNamingWhereToSetIt()
    {
        await using var test = new TestStore();
        var source = Sales();
        source.ConnectionStringName = "NEXGEN_TEST_NO_SUCH_CONNECTION";
        var report = await SourceLoaders.Create(test, "unused", source).LoadAsync("ERP");
        Assert.Equal(ImportStatus.Failed, report.Status);
        Assert.Equal("Source erp (sqlserver) is not configured correctly: there is no connection string named 'NEXGEN_TEST_NO_SUCH_CONNECTION': " +
                     "set ConnectionStrings:NEXGEN_TEST_NO_SUCH_CONNECTION in the settings, or the environment variable NEXGEN_TEST_NO_SUCH_CONNECTION. " +
                     "Nothing was changed.", report.Message);
        var unknown = Assert.Throws<ArgumentException>(() => SourceLoaders.Create(test, "unused", source).Find("nope"));
        Assert.StartsWith("No source named 'nope'; the sources are: erp.", unknown.Message);
    }

    /// <summary>A loopback port nothing listens on (just released).</summary>
    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
