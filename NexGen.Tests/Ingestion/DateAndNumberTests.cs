using NexGen.Core.Ingestion;

namespace NexGen.Tests.Ingestion;

public class DateAndNumberTests
{
    [Fact]
    public async Task AmbiguousDatesAreRejectedWithAdviceOnHowToChoose()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("ambiguous.csv", "location,sku,date,quantity\nS1,A,01/02/2024,1\nS1,A,01/03/2024,2\n");
        var report = await test.ImportAsync(DataKind.Sales, path);
        Assert.Equal(ImportStatus.Rejected, report.Status);
        var error = Assert.Single(report.Errors);
        Assert.Equal("ambiguous_date", error.Code);
        Assert.Contains("dd/MM/yyyy and MM/dd/yyyy", error.Reason);
        Assert.Contains("--date-order", error.Reason);
        Assert.Equal(0, test.Count("sales"));
    }

    [Theory]
    [InlineData(DateOrder.DayFirst, "2024-02-01")]
    [InlineData(DateOrder.MonthFirst, "2024-01-02")]
    public async Task ChosenDateOrderSettlesAmbiguousDates(DateOrder order, string expected)
    {
        await using var test = new TestStore();
        var path = test.WriteFile("ambiguous.csv", "location,sku,date,quantity\nS1,A,01/02/2024,1\n");
        var report = await test.ImportAsync(DataKind.Sales, path, options: new ImportOptions { DateOrder = order });
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal([DateOnly.Parse(expected)], test.Query<DateOnly>("SELECT date FROM sales"));
    }

    [Fact]
    public async Task DayFirstIsDecidedByTheFirstDayAboveTwelve()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("dmy.csv", "location,sku,date,quantity\nS1,A,12/01/2024,1\nS1,A,13/01/2024,2\n");
        var report = await test.ImportAsync(DataKind.Sales, path);
        Assert.Equal("dd/MM/yyyy", report.DateFormat);
        Assert.Equal([new DateOnly(2024, 1, 12), new DateOnly(2024, 1, 13)], test.Query<DateOnly>("SELECT date FROM sales ORDER BY date"));
    }

    [Fact]
    public async Task MonthFirstDecidedLateRereadsTheDatesBeforeIt()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("mdy.csv", "location,sku,date,quantity\nS1,A,01/12/2024,1\nS1,B,01/12/2024,5\nS1,A,01/13/2024,2\n");
        var report = await test.ImportAsync(DataKind.Sales, path);
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal("MM/dd/yyyy", report.DateFormat);
        Assert.Equal(["A 2024-01-12", "A 2024-01-13", "B 2024-01-12"],
            test.Query<string>("SELECT sku || ' ' || strftime(date, '%Y-%m-%d') FROM sales ORDER BY ALL"));
    }

    [Fact]
    public async Task DatesWithATimePartKeepTheDay()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("time.csv", "location,sku,date,quantity\nS1,A,2024-01-05 00:00:00,1\nS1,A,2024-01-06T10:30:00Z,2\n");
        var report = await test.ImportAsync(DataKind.Sales, path);
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal([new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 6)], test.Query<DateOnly>("SELECT date FROM sales ORDER BY date"));
    }

    [Fact]
    public async Task BadDateNamesLineAndColumnAndLeavesTheStoreUnchanged()
    {
        await using var test = new TestStore();
        await test.ImportAsync(DataKind.Sales, test.WriteFile("good.csv", "location,sku,date,quantity\nS1,A,2024-01-01,1\n"));
        var before = test.Dump("sales");
        var path = test.WriteFile("bad.csv", "location,sku,date,quantity\nS1,A,2024-01-02,1\nS1,A,2024-01-03,2\nS1,A,2024-02-30,3\nS1,B,2024-01-02,4\n");
        var report = await test.ImportAsync(DataKind.Sales, path);
        Assert.Equal(ImportStatus.Rejected, report.Status);
        var error = Assert.Single(report.Errors);
        Assert.Equal((4L, 3, "date", "2024-02-30", "bad_date"), (error.Line, error.Column, error.ColumnName, error.Value, error.Code));
        Assert.Contains("line 4, column 3 (date)", report.Message);
        Assert.Equal(before, test.Dump("sales"));
    }

    [Fact]
    public async Task DecimalCommaAfterDecimalPointIsAnErrorAtItsLine()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("mixed.csv", "location;sku;date;quantity\nS1;A;2024-01-01;1.5\nS1;A;2024-01-02;2,5\n");
        var report = await test.ImportAsync(DataKind.Sales, path);
        var error = Assert.Single(report.Errors);
        Assert.Equal((3L, 4), (error.Line, error.Column));
        Assert.Contains("decimal point", error.Reason);
    }

    [Fact]
    public async Task ThousandsSeparatorsInQuotedCommaFilesAreGrouping()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("grouped.csv", "location,sku,date,quantity\nS1,A,2024-01-01,\"1,234\"\nS1,A,2024-01-02,\"2,345.5\"\n");
        var report = await test.ImportAsync(DataKind.Sales, path);
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal([1234, 2345.5], test.Query<double>("SELECT quantity FROM sales ORDER BY date"));
    }

    [Fact]
    public async Task UnparsableNumberIsAnErrorWithItsValue()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("n.csv", "location,sku,date,quantity\nS1,A,2024-01-01,lots\n"));
        var error = Assert.Single(report.Errors);
        Assert.Equal(("bad_number", 2L, 4, "lots"), (error.Code, error.Line, error.Column, error.Value));
    }

    [Fact]
    public async Task PromotionDiscountsReadPercentagesAndEmptyLocationMeansEveryLocation()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("promo.csv", "location,sku,start,end,discount\n,A,2024-01-01,2024-01-07,20%\nS1,B,2024-01-01,2024-01-03,0.1\n");
        var report = await test.ImportAsync(DataKind.Promotions, path);
        Assert.True(report.Status == ImportStatus.Succeeded, report.Message);
        Assert.Equal(["null|A|0.2", "S1|B|0.1"], test.Query<string>("SELECT coalesce(location, 'null') || '|' || sku || '|' || discount FROM promotions ORDER BY sku"));
    }

    [Fact]
    public async Task PromotionEndingBeforeItStartsIsRejected()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Promotions, test.WriteFile("p.csv", "sku,start,end\nA,2024-01-07,2024-01-01\n"));
        Assert.Equal("bad_range", Assert.Single(report.Errors).Code);
    }
}
