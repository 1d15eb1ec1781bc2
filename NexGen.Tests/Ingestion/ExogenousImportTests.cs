using NexGen.Core.Features;
using NexGen.Core.Ingestion;

namespace NexGen.Tests.Ingestion;

public class ExogenousImportTests
{
    [Fact]
    public async Task WalmartFeaturesLoadAsOneRowPerStoreWeekAndVariableWithAValue()
    {
        await using var test = new TestStore();

        var report = await test.ImportAsync(DataKind.Exogenous, TestStore.WalmartFile("features.csv"));

        Assert.True(report.Status == ImportStatus.Succeeded, report.Message);
        Assert.Equal(8190, report.RowsRead);
        // 8,190 store-weeks x 10 variables, less the NA cells (markdowns before November 2011, the last CPIs).
        Assert.Equal(57_860, test.Count("exogenous"));
        Assert.Empty(report.IgnoredColumns);
        Assert.Equal(["CPI|211.2421698", "Fuel_Price|2.548", "IsHoliday|1.0", "Temperature|38.51", "Unemployment|8.106"],
            test.Query<string>("SELECT name || '|' || CAST(value AS VARCHAR) FROM exogenous WHERE location = '1' AND date = '2010-02-12' ORDER BY name"));
    }

    [Fact]
    public async Task ALongFileLoadsAsIsAndAMissingLocationMeansEveryLocation()
    {
        await using var test = new TestStore();
        var file = test.WriteFile("exogenous.csv", "date,name,value\n2024-01-05,cpi,101.5\n2024-01-12,cpi,101.9\n");

        var report = await test.ImportAsync(DataKind.Exogenous, file);

        Assert.True(report.Status == ImportStatus.Succeeded, report.Message);
        Assert.Equal(["|2024-01-05|cpi|101.5", "|2024-01-12|cpi|101.9"],
            test.Query<string>("SELECT coalesce(location, '') || '|' || CAST(date AS VARCHAR) || '|' || name || '|' || CAST(value AS VARCHAR) FROM exogenous ORDER BY date"));
    }

    [Fact]
    public async Task ABadValueIsReportedAtItsLineAndColumnAndNothingIsImported()
    {
        await using var test = new TestStore();
        var file = test.WriteFile("features.csv", "Store,Date,Temperature,IsHoliday\n1,2010-02-05,42.3,FALSE\n1,2010-02-12,warm,TRUE\n");

        var report = await test.ImportAsync(DataKind.Exogenous, file);

        Assert.Equal(ImportStatus.Rejected, report.Status);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(("bad_number", 3L, 3, "Temperature", "warm"), (issue.Code, issue.Line, issue.Column, issue.ColumnName, issue.Value));
        Assert.Equal(0, test.Count("exogenous"));
    }

    [Fact]
    public async Task AFileWithANameButNoValueColumnIsRejected()
    {
        await using var test = new TestStore();
        var file = test.WriteFile("exogenous.csv", "location,date,name,temperature\nS1,2024-01-05,t,3\n");

        var report = await test.ImportAsync(DataKind.Exogenous, file);

        Assert.Equal(ImportStatus.Rejected, report.Status);
        Assert.Contains(report.Issues, i => i.Code == "missing_column" && i.Reason.Contains("both 'name' and 'value'"));
    }

    [Fact]
    public async Task ThePanelCarriesEachValueForwardAndALocationsOwnValueWinsOverTheAllLocationsOne()
    {
        await using var test = new TestStore();
        await test.ImportAsync(DataKind.Sales, test.WriteFile("sales.csv",
            "location,sku,date,quantity\nS1,A,2024-01-01,1\nS1,A,2024-01-02,1\nS1,A,2024-01-03,1\nS1,A,2024-01-04,1\nS2,A,2024-01-01,1\nS2,A,2024-01-04,1\n"));
        await test.ImportAsync(DataKind.Exogenous, test.WriteFile("exogenous.csv",
            "location,date,name,value\n,2024-01-02,cpi,100\nS2,2024-01-02,cpi,200\n,2023-12-30,temp,5\nS1,2024-01-03,temp,7\n"));

        var panel = await new SalesPanelLoader(test.Store).LoadAsync();

        Assert.Equal(["cpi", "temp"], panel.ExogenousNames);
        // Location codes: S1 = 0, S2 = 1. cpi: unknown on day 0, then 100 (S1) or S2's own 200, carried forward.
        Assert.Equal([float.NaN, 100, 100, 100], Enumerable.Range(0, 4).Select(t => panel.ExogenousAt(0, 0, t)));
        Assert.Equal([float.NaN, 200, 200, 200], Enumerable.Range(0, 4).Select(t => panel.ExogenousAt(0, 1, t)));
        // temp: a value dated before the first sale counts from the first period.
        Assert.Equal([5f, 5, 7, 7], Enumerable.Range(0, 4).Select(t => panel.ExogenousAt(1, 0, t)));
        Assert.Equal([5f, 5, 5, 5], Enumerable.Range(0, 4).Select(t => panel.ExogenousAt(1, 1, t)));
    }
}
