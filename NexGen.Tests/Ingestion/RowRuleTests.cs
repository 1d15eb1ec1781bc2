using Dapper;
using NexGen.Core.Ingestion;

namespace NexGen.Tests.Ingestion;

public class RowRuleTests
{
    [Fact]
    public async Task MissingKeyValueIsAnError()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("m.csv", "location,sku,date,quantity\nS1,,2024-01-01,1\n"));
        var error = Assert.Single(report.Errors);
        Assert.Equal(("missing_value", 2L, 2, "sku"), (error.Code, error.Line, error.Column, error.ColumnName));
    }

    [Fact]
    public async Task NegativeQuantitiesAreKeptAsReturnsAndReported()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("r.csv", "location,sku,date,quantity\nS1,A,2024-01-01,5\nS1,A,2024-01-02,-2\n"));
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal(("negative_quantity", 3L), (warning.Code, warning.Line));
        Assert.Contains("return", warning.Reason);
        Assert.Equal([5, -2], test.Query<double>("SELECT quantity FROM sales ORDER BY date"));
    }

    [Fact]
    public async Task DuplicateKeysAreSummedAndReported()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("d.csv", "location,sku,date,quantity,price\nS1,A,2024-01-01,2,1.0\nS1,A,2024-01-02,1,1.0\nS1,A,2024-01-01,6,2.0\n");
        var report = await test.ImportAsync(DataKind.Sales, path);
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal(("duplicate_key", 4L), (Assert.Single(report.Warnings).Code, report.Warnings.Single().Line));
        Assert.Equal(2, report.RowsImported);
        Assert.Equal([8, 1], test.Query<double>("SELECT quantity FROM sales ORDER BY date"));
        Assert.Equal([1.75, 1], test.Query<double>("SELECT price FROM sales ORDER BY date"));
    }

    [Fact]
    public async Task DuplicateKeysAreRejectedWhenThePolicySaysSo()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("d.csv", "location,sku,date,quantity\nS1,A,2024-01-01,2\nS1,A,2024-01-01,6\n");
        var report = await test.ImportAsync(DataKind.Sales, path, options: new ImportOptions { Duplicates = DuplicateKeyPolicy.Reject });
        Assert.Equal(ImportStatus.Rejected, report.Status);
        Assert.Equal(("duplicate_key", 3L), (report.Errors.Single().Code, report.Errors.Single().Line));
        Assert.Equal(0, test.Count("sales"));
    }

    [Fact]
    public async Task DuplicateProductsAreAlwaysErrors()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Products, test.WriteFile("p.csv", "sku,name\nA,One\nA,Two\n"));
        Assert.Equal(ImportStatus.Rejected, report.Status);
        Assert.Equal("duplicate_key", report.Errors.Single().Code);
    }

    [Fact]
    public async Task FileWithoutLocationGetsTheDefaultLocation()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("nl.csv", "sku,date,qty\nA,2024-01-01,1\n"),
            options: new ImportOptions { DefaultLocation = "HQ" });
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal(["HQ"], test.Query<string>("SELECT location FROM sales"));
    }

    [Theory]
    [InlineData("Store,Dept,Date,Weekly_Sales\n1,1,2010-02-05,24924.5\n")]
    [InlineData("store_id,item_id,day,units\n1,1,2010-02-05,24924.5\n")]
    [InlineData("STORE ID,Item Id,DATE,Qty\n1,1,2010-02-05,24924.5\n")]
    public async Task HeadersMatchAliasesIgnoringCaseSpacesAndUnderscores(string content)
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("a.csv", content));
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal(["1|1|24924.5"], test.Query<string>("SELECT location || '|' || sku || '|' || quantity FROM sales"));
    }

    [Fact]
    public async Task ExplicitMappingWinsOverAliases()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("m.csv", "shop,article,when,units,returns\nS1,A,2024-01-01,5,1\n");
        var report = await test.ImportAsync(DataKind.Sales, path, map: "when=date,returns=quantity");
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal([1.0], test.Query<double>("SELECT quantity FROM sales"));
        Assert.Contains("units", report.IgnoredColumns);
    }

    [Fact]
    public async Task MissingRequiredColumnNamesTheFilesColumnsAndSuggestsAMapping()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("m.csv", "store,item,when,amount\nS1,A,2024-01-01,5\n"));
        Assert.Equal(ImportStatus.Rejected, report.Status);
        var codes = report.Errors.Select(e => e.Code).ToList();
        Assert.Equal(["missing_column", "missing_column"], codes);
        Assert.Contains("--map", report.Errors.First().Reason);
        Assert.Contains("store, item, when, amount", report.Errors.First().Reason);
    }

    [Fact]
    public async Task MappingToAnUnknownColumnIsAnError()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("m.csv", "store,item,date,qty\nS1,A,2024-01-01,5\n"), map: "store=shop");
        Assert.Contains("not a column of sales", report.Errors.Single().Reason);
    }

    [Fact]
    public async Task RowWithTooFewFieldsIsAnError()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("f.csv", "location,sku,date,quantity,price\nS1,A,2024-01-01,5,1\nS1,A,2024-01-02\n"));
        Assert.Contains(report.Errors, e => e.Code == "field_count" && e.Line == 3);
    }

    [Fact]
    public async Task ProblemsAreCountedBeyondTheFirstHundred()
    {
        await using var test = new TestStore();
        var rows = string.Concat(Enumerable.Range(0, 250).Select(i => $"S1,A{i},2024-01-01,x\n"));
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("many.csv", "location,sku,date,quantity\n" + rows));
        Assert.Equal(250, report.ErrorCount);
        Assert.Equal(250, report.Counts["bad_number"]);
        Assert.Equal(100, report.Errors.Count());
    }

    [Fact]
    public async Task RejectedImportsAreAuditedWithTheirReport()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("bad.csv", "location,sku,date,quantity\nS1,A,nope,1\n"));
        var audit = await test.History.FindAsync(report.ImportId!.Value);
        Assert.NotNull(audit);
        Assert.Equal(("rejected", "bad.csv", 0L), (audit.Status, audit.FileName, audit.Rows));
        Assert.Equal(ImportStatus.Rejected, ImportReports.FromAudit(audit)!.Status);
        Assert.Equal(report.Sha256, audit.Sha256);
    }

    [Fact]
    public async Task HeaderOnlyFileImportsNothingWithAWarning()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Promotions, test.WriteFile("p.csv", "location,sku,start,end,discount\n"));
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal("empty_file", Assert.Single(report.Warnings).Code);
        Assert.Equal(0, test.Count("promotions"));
    }
}
