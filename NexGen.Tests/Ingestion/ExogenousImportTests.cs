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
}
