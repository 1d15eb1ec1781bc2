using System.IO.Compression;
using System.Text;
using NexGen.Core.Ingestion;

namespace NexGen.Tests.Ingestion;

/// <summary>
/// Hostile files stop at a limit with a message that says which and where, and change nothing: a field too long for any
/// row, a gzip file that decompresses to far more than it weighs, a header with too many columns.
/// </summary>
public class ImportLimitTests
{
    [Fact]
    public async Task AFieldLongerThanTheRecordLimitStopsTheImportAndChangesNothing()
    {
        await using var test = new TestStore();
        await test.ImportAsync(DataKind.Products, test.WriteFile("ok.csv", "sku,name\nA,Apple\n"));
        var before = test.Dump("products");
        var path = test.WriteFile("long.csv", "sku,name\nB,Banana\nC,\"" + new string('x', 200_000) + "\"\nD,Date\n");

        var report = await test.ImportAsync(DataKind.Products, path, options: new ImportOptions { MaxRecordBytes = 4096 });

        Assert.Equal(ImportStatus.Failed, report.Status);
        Assert.Contains("line 3 of long.csv: a record is longer than 4,096 bytes (NexGen:MaxRecordBytes)", report.Message);
        Assert.Equal(before, test.Dump("products"));
    }

    [Fact]
    public async Task AGzipFileThatDecompressesPastTheCapStopsTheImportAndChangesNothing()
    {
        await using var test = new TestStore();
        var path = Path.Combine(test.Folder, "bomb.csv.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.SmallestSize))
        {
            var header = Encoding.UTF8.GetBytes("location,sku,date,quantity\n");
            gzip.Write(header);
            var row = Encoding.UTF8.GetBytes("L1,A,2024-01-01,1\n");
            for (var i = 0; i < 500_000; i++)
                gzip.Write(row);
        }
        Assert.True(new FileInfo(path).Length < 200_000, "the file is small; what it holds is not");

        var report = await test.ImportAsync(DataKind.Sales, path, options: new ImportOptions { MaxDecompressedBytes = 1_000_000 });

        Assert.Equal(ImportStatus.Failed, report.Status);
        Assert.Contains("bomb.csv.gz decompresses to more than 1,000,000 bytes (NexGen:MaxDecompressedBytes)", report.Message);
        Assert.Equal(0, test.Count("sales"));
    }

    [Fact]
    public async Task AHeaderWithTooManyColumnsIsRefused()
    {
        await using var test = new TestStore();
        var header = "sku,name," + string.Join(',', Enumerable.Range(0, 40).Select(i => $"extra{i}"));

        var report = await test.ImportAsync(DataKind.Products, test.WriteFile("wide.csv", header + "\nA,Apple\n"), options: new ImportOptions { MaxColumns = 20 });

        Assert.Equal(ImportStatus.Failed, report.Status);
        Assert.Contains("line 1 of wide.csv: the header has 42 columns, more than 20 (NexGen:MaxColumns)", report.Message);
        Assert.Equal(0, test.Count("products"));
    }
}
