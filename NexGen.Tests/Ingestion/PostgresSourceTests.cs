using NexGen.Core.Ingestion;
using NexGen.Core.Store;

namespace NexGen.Tests.Ingestion;

/// <summary>SQL sources against the real PostgreSQL of ./test.sh: incremental loads, the watermark, failures, row checks.</summary>
public class PostgresSourceTests
{
    const string SalesQuery = "SELECT outlet_id, ean, sold_on, qty_sold, price, promo, modified_at FROM daily_sales";

    static readonly Dictionary<string, string> SalesColumns = new()
    {
        ["outlet_id"] = "location", ["ean"] = "sku", ["sold_on"] = "date", ["qty_sold"] = "quantity",
    };

    static SqlSourceOptions Sales(string name = "pos", string query = SalesQuery) => new()
    {
        Name = name,
        Provider = SqlSourceOptions.PostgreSql,
        ConnectionStringName = SourceLoaders.ConnectionStringName,
        Kind = DataKind.Sales,
        Query = query,
        Columns = SalesColumns,
        Watermark = "modified_at",
    };

    static async Task<TestPostgres> SalesDatabaseAsync()
    {
        var postgres = await TestPostgres.CreateAsync();
        await postgres.ExecuteAsync("""
            CREATE TABLE daily_sales (
                outlet_id integer NOT NULL, ean text NOT NULL, sold_on date NOT NULL, qty_sold numeric(10, 2) NOT NULL,
                price double precision, promo boolean, modified_at timestamp NOT NULL);
            INSERT INTO daily_sales VALUES
                (1, 'A', '2024-03-01', 12.30, 2.5, false, '2024-03-04 08:00:01'),
                (1, 'A', '2024-03-02', 7.00, 2.5, true, '2024-03-04 08:00:02'),
                (1, 'A', '2024-03-03', 0.10, 2.5, false, '2024-03-04 08:00:03'),
                (2, 'A', '2024-03-01', 3.00, NULL, NULL, '2024-03-04 08:00:04'),
                (2, 'A', '2024-03-02', -1.00, 2.4, false, '2024-03-04 08:00:05'),
                (2, 'A', '2024-03-03', 4.50, 2.4, false, '2024-03-04 08:00:06');
            """);
        return postgres;
    }

    [Fact]
    public async Task ASecondLoadReadsOnlyTheRowsAboveTheWatermarkAndEqualsACsvImportOfTheSameData()
    {
        await using var postgres = await SalesDatabaseAsync();
        await using var test = new TestStore();
        var loader = SourceLoaders.Create(test, postgres.ConnectionString, Sales());

        var first = await loader.LoadAsync("pos");
        Assert.Equal(ImportStatus.Succeeded, first.Status);
        Assert.Equal((6L, 6L, 1L), (first.RowsRead, first.RowsImported, first.WarningCount));
        Assert.Equal("warning row 5, column 4 (qty_sold): '-1' negative quantity kept as a return.", Assert.Single(first.Warnings).ToString());
        Assert.Equal(new SourceLoad("pos", "postgresql", true, "modified_at", null, "2024-03-04T08:00:06.0000000", SalesQuery), first.Source);

        // Two new days and one corrected row: the three rows modified after the watermark.
        await postgres.ExecuteAsync("""
            INSERT INTO daily_sales VALUES
                (1, 'A', '2024-03-04', 5.25, 2.5, false, '2024-03-05 08:00:01'),
                (2, 'A', '2024-03-04', 6.00, 2.4, true, '2024-03-05 08:00:02');
            UPDATE daily_sales SET qty_sold = 9.75, modified_at = '2024-03-05 08:00:03' WHERE outlet_id = 1 AND sold_on = '2024-03-03';
            """);
        var second = await loader.LoadAsync("pos");
        Assert.Equal(ImportStatus.Succeeded, second.Status);
        Assert.Equal((3L, 3L), (second.RowsRead, second.RowsImported));
        Assert.Equal(new SourceLoad("pos", "postgresql", false, "modified_at", "2024-03-04T08:00:06.0000000", "2024-03-05T08:00:03.0000000",
            $"SELECT * FROM (\n{SalesQuery}\n) AS nexgen_source WHERE \"modified_at\" > @since"), second.Source);
        Assert.Equal(
            ["1|2024-03-01|12.3|2.5|false", "1|2024-03-02|7.0|2.5|true", "1|2024-03-03|9.75|2.5|false", "1|2024-03-04|5.25|2.5|false",
             "2|2024-03-01|3.0|null|null", "2|2024-03-02|-1.0|2.4|false", "2|2024-03-03|4.5|2.4|false", "2|2024-03-04|6.0|2.4|true"],
            test.Query<string>("SELECT concat_ws('|', location, date, quantity, coalesce(price::VARCHAR, 'null'), coalesce(promo::VARCHAR, 'null')) FROM sales ORDER BY ALL"));
        var watermark = await new SourceWatermarks(test.Store).FindAsync("pos");
        Assert.Equal(("datetime", "2024-03-05T08:00:03.0000000", second.ImportId), (watermark!.ValueType, watermark.Value, (long?)watermark.ImportId));

        var nothingNew = await loader.LoadAsync("pos");
        Assert.Equal((ImportStatus.Succeeded, 0L), (nothingNew.Status, nothingNew.RowsRead));
        Assert.Equal("2024-03-05T08:00:03.0000000", nothingNew.Source!.To);

        await using var csv = new TestStore();
        var file = csv.WriteFile("sales.csv", """
            outlet_id,ean,sold_on,qty_sold,price,promo
            1,A,2024-03-01,12.30,2.5,false
            1,A,2024-03-02,7.00,2.5,true
            1,A,2024-03-03,9.75,2.5,false
            1,A,2024-03-04,5.25,2.5,false
            2,A,2024-03-01,3.00,,
            2,A,2024-03-02,-1.00,2.4,false
            2,A,2024-03-03,4.50,2.4,false
            2,A,2024-03-04,6.00,2.4,true
            """);
        var imported = await csv.ImportAsync(DataKind.Sales, file, "outlet_id=location,ean=sku,sold_on=date,qty_sold=quantity");
        Assert.Equal(ImportStatus.Succeeded, imported.Status);
        Assert.Equal(csv.Dump("sales"), test.Dump("sales"));
        Assert.Equal(csv.Dump("dataset"), test.Dump("dataset"));
    }

    [Fact]
    public async Task AFullLoadReadsEveryRowAgainAndStartsTheWatermarkOver()
    {
        await using var postgres = await SalesDatabaseAsync();
        await using var test = new TestStore();
        var loader = SourceLoaders.Create(test, postgres.ConnectionString, Sales());
        await loader.LoadAsync("pos");
        await postgres.ExecuteAsync("UPDATE daily_sales SET modified_at = '2024-01-01' WHERE outlet_id = 2");

        var full = await loader.LoadAsync("pos", full: true);
        Assert.Equal((ImportStatus.Succeeded, 6L), (full.Status, full.RowsRead));
        Assert.Equal((true, null, "2024-03-04T08:00:03.0000000", SalesQuery), (full.Source!.Full, full.Source.From, full.Source.To, full.Source.Sql));
        Assert.Equal(6, test.Count("sales"));
    }

    [Fact]
    public async Task AQueryEndingInACommentStillLoadsIncrementally()
    {
        await using var postgres = await SalesDatabaseAsync();
        await using var test = new TestStore();
        var loader = SourceLoaders.Create(test, postgres.ConnectionString, Sales(query: SalesQuery + " -- every outlet;"));
        await loader.LoadAsync("pos");
        await postgres.ExecuteAsync("INSERT INTO daily_sales VALUES (1, 'A', '2024-03-04', 1, NULL, NULL, '2024-03-05 00:00:00')");

        var second = await loader.LoadAsync("pos");
        Assert.Equal((ImportStatus.Succeeded, 1L), (second.Status, second.RowsRead));
    }

    [Fact]
    public async Task CancellingWhileRowsStreamInChangesNothing()
    {
        await using var postgres = await SalesDatabaseAsync();
        await using var test = new TestStore();
        const string endless = """
            SELECT 1 AS outlet_id, 'A' || (g % 1000) AS ean, DATE '2000-01-01' + g / 1000 AS sold_on, 1 AS qty_sold,
                   NULL::double precision AS price, NULL::boolean AS promo, now() AS modified_at
            FROM generate_series(1, 1000000) AS g
            """;
        var loader = SourceLoaders.Create(test, postgres.ConnectionString, Sales("endless", endless));
        using var cancel = new CancellationTokenSource();
        var progress = new CancelOnFirstReport(cancel);

        var report = await loader.LoadAsync("endless", progress: progress, cancellationToken: cancel.Token);
        Assert.Equal(ImportStatus.Cancelled, report.Status);
        Assert.Equal(65_536, progress.Rows);
        Assert.Equal(0, test.Count("sales"));
        Assert.Null(await new SourceWatermarks(test.Store).FindAsync("endless"));
    }

    /// <summary>Cancels the load when the first progress report arrives (after 65,536 rows).</summary>
    sealed class CancelOnFirstReport(CancellationTokenSource cancel) : IProgress<ImportProgress>
    {
        public long Rows { get; private set; }

        public void Report(ImportProgress value)
        {
            Rows = value.Rows;
            cancel.Cancel();
        }
    }

    [Fact]
    public async Task AQueryThatFailsFailsTheLoadAndChangesNothing()
    {
        await using var postgres = await SalesDatabaseAsync();
        await using var test = new TestStore();
        var loader = SourceLoaders.Create(test, postgres.ConnectionString, Sales(), Sales("missing", "SELECT * FROM no_such_table"));
        await loader.LoadAsync("pos");
        var before = test.Dump("sales");

        var failed = await loader.LoadAsync("missing");
        Assert.Equal(ImportStatus.Failed, failed.Status);
        Assert.Equal("Source missing (postgresql) query failed: 42P01: relation \"no_such_table\" does not exist; POSITION: 15. Nothing was changed.",
            failed.Message);
        Assert.Equal(before, test.Dump("sales"));
        Assert.Null(await new SourceWatermarks(test.Store).FindAsync("missing"));
        Assert.Equal(["succeeded|source pos", "failed|source missing"], test.Query<string>("SELECT status || '|' || file_name FROM imports ORDER BY id"));
    }

    [Fact]
    public async Task AQueryThatFailsAfterRowsHaveArrivedChangesNothing()
    {
        await using var postgres = await SalesDatabaseAsync();
        await using var test = new TestStore();
        // 100,000 daily rows stream in before the last one divides by zero.
        const string failsLate = """
            SELECT 1 AS outlet_id, 'A' || (g % 100) AS ean, DATE '2020-01-01' + g / 100 AS sold_on,
                   1.0 / (100000 - g) AS qty_sold, NULL::double precision AS price, NULL::boolean AS promo, now() AS modified_at
            FROM generate_series(1, 100000) AS g
            """;
        var loader = SourceLoaders.Create(test, postgres.ConnectionString, Sales(), Sales("late", failsLate));
        await loader.LoadAsync("pos");
        var before = test.Dump("sales");
        var watermarkBefore = await new SourceWatermarks(test.Store).FindAsync("pos");

        var failed = await loader.LoadAsync("late");
        Assert.Equal(ImportStatus.Failed, failed.Status);
        Assert.StartsWith("Source late (postgresql) query failed: 22012: division by zero", failed.Message);
        Assert.Equal(before, test.Dump("sales"));
        Assert.Equal(watermarkBefore, await new SourceWatermarks(test.Store).FindAsync("pos"));
        Assert.Null(await new SourceWatermarks(test.Store).FindAsync("late"));
    }

    [Fact]
    public async Task NoServerFailsTheLoadSayingWhereAndWhy()
    {
        await using var test = new TestStore();
        var port = SqlServerSourceTests.ClosedPort();
        var loader = SourceLoaders.Create(test, $"Host=127.0.0.1;Port={port};Username=nexgen;Password=Sup3r-Secret!;Timeout=3", Sales());
        var report = await loader.LoadAsync("pos");
        Assert.Equal(ImportStatus.Failed, report.Status);
        Assert.Equal($"Source pos (postgresql) could not connect to tcp://127.0.0.1:{port}: Failed to connect to 127.0.0.1:{port} (Connection refused). " +
                     "Nothing was changed.", report.Message);
    }

    [Fact]
    public async Task BadValuesRejectTheLoadNamingSourceRowAndColumn()
    {
        await using var postgres = await TestPostgres.CreateAsync();
        await using var test = new TestStore();
        var source = Sales("typed", """
            SELECT * FROM (VALUES
                ('1', 'A', DATE '2024-03-01', '5', TIMESTAMP '2024-03-01 10:00'),
                ('1', 'B', NULL, '3', TIMESTAMP '2024-03-01 10:00'),
                ('1', 'C', DATE '2024-03-01', 'lots', TIMESTAMP '2024-03-01 10:00'))
                AS t(outlet_id, ean, sold_on, qty_sold, modified_at)
            """);
        var loader = SourceLoaders.Create(test, postgres.ConnectionString, source);

        var report = await loader.LoadAsync("typed");
        Assert.Equal(ImportStatus.Rejected, report.Status);
        Assert.Equal(
            ["error row 2, column 3 (sold_on): 'NULL' 'date' is required.",
             "error row 3, column 4 (qty_sold): 'lots' is not a finite number; return a numeric column (or text with a decimal point)."],
            report.Errors.Select(e => e.ToString()));
        Assert.StartsWith("Rejected source typed: 2 errors", report.Message);
        Assert.Equal(0, test.Count("sales"));
        Assert.Null(await new SourceWatermarks(test.Store).FindAsync("typed"));
    }

    [Fact]
    public async Task AWatermarkColumnTheQueryDoesNotReturnRejectsTheLoadBeforeAnyRowIsRead()
    {
        await using var postgres = await SalesDatabaseAsync();
        await using var test = new TestStore();
        // Running this query fails on its first row: the columns are refused from its description alone.
        var source = Sales("nowm", "SELECT outlet_id, ean, sold_on, qty_sold, 1 / (outlet_id - outlet_id) AS boom FROM daily_sales");
        var report = await SourceLoaders.Create(test, postgres.ConnectionString, source).LoadAsync("nowm");
        Assert.Equal((ImportStatus.Rejected, 0L), (report.Status, report.RowsRead));
        Assert.Equal("The columns of source nowm do not match sales.", report.Message);
        Assert.Equal("error source: 'modified_at' the query returns no watermark column 'modified_at' (setting Watermark); " +
                     "its columns are: outlet_id, ean, sold_on, qty_sold, boom.", Assert.Single(report.Errors).ToString());
        Assert.Equal(["rejected"], test.Query<string>("SELECT status FROM imports"));
    }

    [Fact]
    public async Task ALookbackRereadsTheLastDateSoLateRowsAreNotMissed()
    {
        await using var postgres = await TestPostgres.CreateAsync();
        await postgres.ExecuteAsync("""
            CREATE TABLE stock (outlet text, ean text, as_of date, on_hand integer);
            INSERT INTO stock VALUES ('L1', 'A', '2024-03-01', 5), ('L1', 'B', '2024-03-01', 6), ('L1', 'A', '2024-03-02', 4);
            """);
        SqlSourceOptions Stock(string name, TimeSpan? lookback) => new()
        {
            Name = name, Provider = SqlSourceOptions.PostgreSql, ConnectionStringName = SourceLoaders.ConnectionStringName,
            Kind = DataKind.Inventory, Table = "public.stock", Columns = new() { ["outlet"] = "location", ["ean"] = "sku" },
            Watermark = "as_of", WatermarkLookback = lookback,
        };
        await using var strict = new TestStore();
        await using var inclusive = new TestStore();
        var strictLoader = SourceLoaders.Create(strict, postgres.ConnectionString, Stock("strict", null));
        var inclusiveLoader = SourceLoaders.Create(inclusive, postgres.ConnectionString, Stock("inclusive", TimeSpan.Zero));
        Assert.Equal(3, (await strictLoader.LoadAsync("strict")).RowsRead);
        Assert.Equal(3, (await inclusiveLoader.LoadAsync("inclusive")).RowsRead);

        // B's count for 2024-03-02 arrives after that date was loaded, with the next day's.
        await postgres.ExecuteAsync("INSERT INTO stock VALUES ('L1', 'B', '2024-03-02', 7), ('L1', 'A', '2024-03-03', 2)");
        var strictSecond = await strictLoader.LoadAsync("strict");
        var inclusiveSecond = await inclusiveLoader.LoadAsync("inclusive");

        Assert.Equal("SELECT * FROM (\nSELECT * FROM \"public\".\"stock\"\n) AS nexgen_source WHERE \"as_of\" > @since", strictSecond.Source!.Sql);
        Assert.Equal(1, strictSecond.RowsRead);
        Assert.Equal(4, strict.Count("inventory"));
        Assert.Equal("SELECT * FROM (\nSELECT * FROM \"public\".\"stock\"\n) AS nexgen_source WHERE \"as_of\" >= @since", inclusiveSecond.Source!.Sql);
        Assert.Equal(3, inclusiveSecond.RowsRead);
        Assert.Equal(["L1|A|2024-03-01|5.0", "L1|A|2024-03-02|4.0", "L1|A|2024-03-03|2.0", "L1|B|2024-03-01|6.0", "L1|B|2024-03-02|7.0"],
            inclusive.Query<string>("SELECT concat_ws('|', location, sku, as_of, on_hand) FROM inventory ORDER BY ALL"));
    }

    [Fact]
    public async Task ATimestampWithTimeZoneWatermarkIsKeptInUtcAndComparedExactly()
    {
        await using var postgres = await TestPostgres.CreateAsync();
        await postgres.ExecuteAsync("""
            SET TIME ZONE 'Europe/Berlin';
            CREATE TABLE sales (location text, sku text, date date, quantity integer, changed timestamptz);
            INSERT INTO sales VALUES ('L1', 'A', '2024-03-01', 1, '2024-03-01 10:00:00.123456+01');
            """);
        await using var test = new TestStore();
        var source = new SqlSourceOptions
        {
            Name = "tz", Provider = SqlSourceOptions.PostgreSql, ConnectionStringName = SourceLoaders.ConnectionStringName,
            Table = "sales", Watermark = "changed",
        };
        var loader = SourceLoaders.Create(test, postgres.ConnectionString, source);
        Assert.Equal("2024-03-01T09:00:00.1234560Z", (await loader.LoadAsync("tz")).Source!.To);

        // One microsecond later is newer; the same instant written in another zone is not.
        await postgres.ExecuteAsync("""
            INSERT INTO sales VALUES ('L1', 'A', '2024-03-02', 2, '2024-03-01 10:00:00.123457+01'),
                                     ('L1', 'A', '2024-03-03', 3, '2024-03-01 04:00:00.123456-05');
            """);
        var second = await loader.LoadAsync("tz");
        Assert.Equal((1L, "2024-03-01T09:00:00.1234570Z"), (second.RowsRead, second.Source!.To));
    }

    [Fact]
    public async Task ProductsLoadFromATableWithoutAWatermark()
    {
        await using var postgres = await TestPostgres.CreateAsync();
        await postgres.ExecuteAsync("""
            CREATE TABLE products (sku text, name text, pack_size smallint, lead_time_days integer, unit_cost numeric(8, 2));
            INSERT INTO products VALUES ('A', 'Apple', 6, 3, 0.40), ('B', 'Banana', 12, NULL, 0.25);
            """);
        await using var test = new TestStore();
        var source = new SqlSourceOptions
        {
            Name = "catalog", Provider = SqlSourceOptions.PostgreSql, ConnectionStringName = SourceLoaders.ConnectionStringName,
            Kind = DataKind.Products, Table = "products",
        };
        var report = await SourceLoaders.Create(test, postgres.ConnectionString, source).LoadAsync("catalog");
        Assert.Equal((ImportStatus.Succeeded, 2L), (report.Status, report.RowsImported));
        Assert.Equal((true, null, "SELECT * FROM \"products\""), (report.Source!.Full, report.Source.To, report.Source.Sql));
        Assert.Equal(["A|Apple|6|3|0.4", "B|Banana|12|0.25"],
            test.Query<string>("SELECT concat_ws('|', sku, name, pack_size, lead_time_days, unit_cost) FROM products ORDER BY sku"));
    }
}
