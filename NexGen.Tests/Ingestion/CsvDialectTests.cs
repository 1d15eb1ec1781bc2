using System.IO.Compression;
using System.Text;
using NexGen.Core.Ingestion;

namespace NexGen.Tests.Ingestion;

public class CsvDialectTests
{
    const string Sales = "location,sku,date,quantity\nS1,A,2024-01-01,3\nS1,A,2024-01-02,4\n";

    [Fact]
    public async Task CrOnlyLineEndingsAreRead()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("cr.csv", Sales.Replace('\n', '\r')));
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal("CR", report.Dialect!.LineEnding);
        Assert.Equal(2, test.Count("sales"));
    }

    [Fact]
    public async Task WalmartStoresFileWithCrOnlyLineEndingsLoadsAsLocations()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Locations, TestStore.WalmartFile("stores.csv"));
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal(45, test.Count("locations"));
        Assert.Equal(["A|151315"], test.Query<string>("SELECT type || '|' || CAST(size AS BIGINT) FROM locations WHERE location = '1'"));
    }

    [Fact]
    public async Task CrlfLineEndingsAreRead()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("crlf.csv", Sales.Replace("\n", "\r\n")));
        Assert.Equal("CRLF", report.Dialect!.LineEnding);
        Assert.Equal(2, test.Count("sales"));
    }

    [Fact]
    public async Task Utf8ByteOrderMarkIsNotPartOfTheFirstHeader()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("bom.csv", Sales, new UTF8Encoding(true)));
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal("location", report.Columns["location"]);
        Assert.Equal(["S1"], test.Query<string>("SELECT DISTINCT location FROM sales"));
    }

    [Fact]
    public async Task Utf16WithByteOrderMarkIsTranscoded()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Products,
            test.WriteFile("utf16.csv", "sku,name\nA,Crème brûlée\nB,Smørrebrød\n", new UnicodeEncoding(false, true)));
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal(["Crème brûlée", "Smørrebrød"], test.Query<string>("SELECT name FROM products ORDER BY sku"));
    }

    [Fact]
    public async Task Utf16WithoutByteOrderMarkIsDetected()
    {
        await using var test = new TestStore();
        var path = test.WriteBytes("utf16-nobom.csv", Encoding.Unicode.GetBytes("sku,name\nA,Café\n"));
        var report = await test.ImportAsync(DataKind.Products, path);
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal(["Café"], test.Query<string>("SELECT name FROM products"));
    }

    [Fact]
    public async Task Latin1IsDetectedWhenTheFileIsNotUtf8()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Products,
            test.WriteBytes("latin1.csv", Encoding.Latin1.GetBytes("sku;name;category\nA;Pâté;Épicerie\n")));
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal("iso-8859-1", report.Dialect!.Encoding);
        Assert.Equal(["Pâté|Épicerie"], test.Query<string>("SELECT name || '|' || category FROM products"));
    }

    [Fact]
    public async Task SemicolonFileWithDecimalCommaIsRead()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales,
            test.WriteFile("eu.csv", "Filiale;Artikel;Datum;Menge;Preis\nS1;A;2024-01-01;2,5;1.234,50\nS1;A;2024-01-02;3;0,99\n",
                null), map: "Filiale=location,Artikel=sku,Datum=date,Menge=quantity,Preis=price");
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal(';', report.Dialect!.Delimiter);
        Assert.Equal(",", report.DecimalSeparator);
        Assert.Equal([2.5, 3], test.Query<double>("SELECT quantity FROM sales ORDER BY date"));
        Assert.Equal([1234.5, 0.99], test.Query<double>("SELECT price FROM sales ORDER BY date"));
    }

    [Theory]
    [InlineData('\t', "tab")]
    [InlineData('|', "pipe")]
    public async Task TabAndPipeSeparatorsAreDetected(char separator, string name)
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("sep.csv", Sales.Replace(',', separator)));
        Assert.Equal(name, report.Dialect!.DelimiterName);
        Assert.Equal(2, test.Count("sales"));
    }

    [Fact]
    public async Task QuotedFieldsHoldDelimitersQuotesAndNewlines()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Products,
            test.WriteFile("quoted.csv", "sku,name,category\nA,\"Chips, \"\"salted\"\"\nfamily pack\",Snacks\nB,Plain,Snacks\n"));
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal(["Chips, \"salted\"\nfamily pack", "Plain"], test.Query<string>("SELECT name FROM products ORDER BY sku"));
    }

    [Fact]
    public async Task ErrorLineNumbersCountLinesInsideQuotedFields()
    {
        await using var test = new TestStore();
        var report = await test.ImportAsync(DataKind.Products,
            test.WriteFile("quoted-bad.csv", "sku,name,pack_size\nA,\"two\nlines\",6\nB,Plain,six\n"));
        var error = Assert.Single(report.Errors);
        Assert.Equal(4, error.Line);
        Assert.Equal(3, error.Column);
    }

    [Fact]
    public async Task GzipFilesAreDecompressedAndHashedAsStored()
    {
        await using var test = new TestStore();
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(Sales));
        var path = test.WriteBytes("sales.csv.gz", buffer.ToArray());
        var report = await test.ImportAsync(DataKind.Sales, path);
        Assert.True(report.Dialect!.Gzip);
        Assert.Equal(2, test.Count("sales"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.ToArray())), report.Sha256);
    }
}
