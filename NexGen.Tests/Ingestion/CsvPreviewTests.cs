using System.IO.Compression;
using System.Text;
using NexGen.Core.Ingestion;

namespace NexGen.Tests.Ingestion;

/// <summary>
/// The mapping step's preview (<see cref="CsvPreviewer"/>): what it detects in a file before anything is imported,
/// and that the mapping it shows, once changed by hand, is what the import then reads.
/// </summary>
public class CsvPreviewTests
{
    // Semicolon-separated, non-canonical headers, day-first dates (25/01 settles the order at line 5), weekly on Fridays.
    const string StoreItemWeekUnits =
        "Store;Item;Week;Units;Note\n" +
        "S1;A;05/01/2024;3;x\n" +
        "S1;A;12/01/2024;4;\n" +
        "S1;A;19/01/2024;5;\n" +
        "S1;A;26/01/2024;6;y\n" +
        "S2;B;05/01/2024;7;\n" +
        "S2;B;12/01/2024;8;\n";

    [Fact]
    public async Task ShowsTheDialectTheFirstRowsTheSuggestedMappingTheDateFormatAndTheGrain()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("upload.csv", StoreItemWeekUnits);

        var preview = CsvPreviewer.Preview(DataKind.Sales, path, previewRows: 3, fileName: "sales.csv");

        Assert.Equal("sales.csv", preview.FileName);
        Assert.Equal(("semicolon", "utf-8", "LF", false), (preview.Dialect.DelimiterName, preview.Dialect.Encoding, preview.Dialect.LineEnding, preview.Dialect.Gzip));
        Assert.Equal(["Store", "Item", "Week", "Units", "Note"], preview.Headers);
        Assert.Equal(["location", "sku", "date", "quantity", ColumnMapping.Ignore], preview.Mapping);
        Assert.Equal(3, preview.Rows.Count);
        Assert.Equal(2, preview.Rows[0].Line);
        Assert.Equal(["S1", "A", "05/01/2024", "3", "x"], preview.Rows[0].Values);
        Assert.Equal(6, preview.RowsScanned);
        Assert.True(preview.WholeFile);
        Assert.Equal("dd/MM/yyyy", preview.DateFormat);
        Assert.False(preview.DatesAmbiguous);
        Assert.Equal("'19/01/2024' at line 4", preview.DateEvidence);
        Assert.Equal("weekly (Friday)", preview.Grain);
        Assert.True(preview.CanImport);
        Assert.Empty(preview.Issues);
        Assert.False(preview.UsesDefaultLocation);
        Assert.True(preview.CanSumDuplicates);
    }

    [Fact]
    public async Task AColumnMappedByHandIsWhatTheImportReadsAndAnIgnoredAliasIsNotRead()
    {
        await using var test = new TestStore();
        // "Units" would be quantity by alias; the user maps "Counted" instead and ignores "Units".
        var path = test.WriteFile("hand.csv",
            "Store,Item,Week,Units,Counted\nS1,A,2024-01-05,1,10\nS1,A,2024-01-12,2,20\n");

        var suggested = CsvPreviewer.Preview(DataKind.Sales, path);
        Assert.Equal(["location", "sku", "date", "quantity", ColumnMapping.Ignore], suggested.Mapping);

        var choices = suggested.Mapping.ToList();
        choices[3] = ColumnMapping.Ignore;
        choices[4] = "quantity";
        var mapping = CsvPreview.ToMapping(suggested.Headers, choices);
        var mapped = CsvPreviewer.Preview(DataKind.Sales, path, mapping);
        Assert.Equal(choices, mapped.Mapping);
        Assert.True(mapped.CanImport);

        var report = await test.Importer.ImportAsync(new ImportRequest(DataKind.Sales, path, mapped.ToMapping()));
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal(["Units"], report.IgnoredColumns);
        Assert.Equal([10.0, 20.0], test.Query<double>("SELECT quantity FROM sales ORDER BY date"));
    }

    [Fact]
    public async Task AMissingRequiredColumnOrTwoColumnsMappedToOneBlockTheImport()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("nosku.csv", "Store,Code,Week,Units\nS1,A,2024-01-05,1\n");

        var preview = CsvPreviewer.Preview(DataKind.Sales, path);
        Assert.False(preview.CanImport);
        Assert.Equal(["location", ColumnMapping.Ignore, "date", "quantity"], preview.Mapping);
        var missing = Assert.Single(preview.Issues);
        Assert.Equal(("missing_column", 1L), (missing.Code, missing.Line));
        Assert.Contains("'sku'", missing.Reason);
        // The example names the column nothing took, not the location's.
        Assert.EndsWith("e.g. --map \"Code=sku\".", missing.Reason);

        var twice = CsvPreviewer.Preview(DataKind.Sales, path, ColumnMapping.Parse("Code=sku,Store=sku"));
        Assert.False(twice.CanImport);
        Assert.Contains(twice.Issues, i => i.Code == "bad_mapping" && i.Reason.Contains("both mapped to 'sku'"));
    }

    [Fact]
    public async Task AmbiguousDatesAskForADateOrderAndTheChosenOrderIsUsed()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("ambiguous.csv", "location,sku,date,quantity\nS1,A,01/02/2024,1\nS1,A,01/03/2024,2\n");

        var auto = CsvPreviewer.Preview(DataKind.Sales, path);
        Assert.True(auto.DatesAmbiguous);
        Assert.Contains("undecided", auto.DateFormat);

        var monthFirst = CsvPreviewer.Preview(DataKind.Sales, path, dateOrder: DateOrder.MonthFirst);
        Assert.False(monthFirst.DatesAmbiguous);
        Assert.Equal("MM/dd/yyyy", monthFirst.DateFormat);
        Assert.Equal("daily", monthFirst.Grain); // January 2 and 3
        Assert.Null(auto.Grain); // read day-first: February 1 and March 1, neither daily nor weekly
    }

    [Fact]
    public async Task ADateThatDoesNotReadInTheChosenOrderIsReportedAtItsLineAndColumn()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("bad.csv", "location,sku,date,quantity\nS1,A,05/01/2024,1\nS1,A,25/01/2024,2\n");

        var preview = CsvPreviewer.Preview(DataKind.Sales, path, dateOrder: DateOrder.MonthFirst);

        var issue = Assert.Single(preview.Issues);
        Assert.Equal(("bad_date", 3L, 3, "date", "25/01/2024"), (issue.Code, issue.Line, issue.Column, issue.ColumnName, issue.Value));
        Assert.True(preview.CanImport); // a bad value is the import's to reject, with the whole file's report
    }

    [Fact]
    public async Task GzipFilesAndWideExogenousFilesArePreviewed()
    {
        await using var test = new TestStore();
        var path = Path.Combine(test.Folder, "features.csv.gz");
        await using (var file = File.Create(path))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes("Store,Date,Temperature,Fuel_Price\n1,2010-02-05,42.31,2.572\n"));

        var preview = CsvPreviewer.Preview(DataKind.Exogenous, path);

        Assert.True(preview.Dialect.Gzip);
        Assert.Equal(["location", "date", CsvPreview.Variable, CsvPreview.Variable], preview.Mapping);
        Assert.True(preview.CanImport);
        Assert.Null(preview.Grain);

        // Ignoring a variable column keeps it out of the import.
        var report = await test.Importer.ImportAsync(new ImportRequest(DataKind.Exogenous, path,
            CsvPreview.ToMapping(preview.Headers, ["location", "date", ColumnMapping.Ignore, CsvPreview.Variable])));
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal(["Fuel_Price"], test.Query<string>("SELECT name FROM exogenous"));
        Assert.Equal(["Temperature"], report.IgnoredColumns);
    }

    [Fact]
    public async Task AFileWithoutALocationColumnGoesToTheDefaultLocation()
    {
        await using var test = new TestStore();
        var path = test.WriteFile("noloc.csv", "sku,date,qty\nA,2024-01-01,1\nA,2024-01-02,2\n");

        var preview = CsvPreviewer.Preview(DataKind.Sales, path);

        Assert.True(preview.UsesDefaultLocation);
        Assert.True(preview.CanImport);
        Assert.Equal("daily", preview.Grain);
    }

    [Fact]
    public async Task OnlyTheFirstRowsAreReadForDetection()
    {
        await using var test = new TestStore();
        var text = new StringBuilder("location,sku,date,quantity\n");
        for (var day = 0; day < 500; day++)
            text.Append($"S1,A,{new DateOnly(2020, 1, 1).AddDays(day):yyyy-MM-dd},1\n");
        var path = test.WriteFile("long.csv", text.ToString());

        var preview = CsvPreviewer.Preview(DataKind.Sales, path, scanRows: 100);

        Assert.Equal(100, preview.RowsScanned);
        Assert.False(preview.WholeFile);
        Assert.Equal(CsvPreviewer.DefaultPreviewRows, preview.Rows.Count);
        Assert.Equal("yyyy-MM-dd", preview.DateFormat);
    }
}
