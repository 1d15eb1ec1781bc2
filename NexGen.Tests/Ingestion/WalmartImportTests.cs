using NexGen.Core.Ingestion;

namespace NexGen.Tests.Ingestion;

/// <summary>The real Walmart file from ../shared/data: counts as published, read in place.</summary>
public class WalmartImportTests
{
    const string Mapping = "Store=location,Dept=sku,Weekly_Sales=quantity";

    [Fact]
    public async Task TrainFileLoadsEveryRowAtWeeklyGrainWithReturnsReported()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, TestStore.WalmartFile("train.csv"), Mapping);

        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal(344_667, report.RowsImported);
        Assert.Equal(3_313, report.Series);
        Assert.Equal("weekly (Friday)", report.Grain);
        Assert.Equal(1_017, report.Counts["negative_quantity"]);
        Assert.Equal((new DateOnly(2010, 2, 5), new DateOnly(2012, 4, 27)), (report.FirstDate, report.LastDate));
        Assert.Equal(["IsHoliday"], report.IgnoredColumns);
        Assert.Equal(344_667, test.Count("sales"));
        Assert.Equal(1_017, test.Query<long>("SELECT count(*) FROM sales WHERE quantity < 0").Single());

        var again = await test.ImportAsync(DataKind.Sales, TestStore.WalmartFile("train.csv"), Mapping);
        Assert.Equal(ImportStatus.Succeeded, again.Status);
        Assert.Equal(344_667, test.Count("sales"));
        Assert.Equal(report.Sha256, again.Sha256);
    }
}
