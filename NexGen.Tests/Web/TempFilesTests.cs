using System.Net;
using System.Text;
using NexGen.Web.Security;

namespace NexGen.Tests.Web;

/// <summary>The app's temporary files live beside its store; what a crash left there is gone after the next start.</summary>
[Collection(WebCollection.Name)]
public sealed class TempFilesTests
{
    [Fact]
    public async Task LeftoversOfACrashAreDeletedAtStartAndAnUploadLeavesNothingBehind()
    {
        var folder = Directory.CreateTempSubdirectory("nexgen-temp-").FullName;
        try
        {
            var tmp = Directory.CreateDirectory(Path.Combine(folder, "tmp")).FullName;
            var leftover = Path.Combine(tmp, "upload-0123456789abcdef.tmp");
            await File.WriteAllTextAsync(leftover, "half an upload");

            await using var app = NexGenWebApp.Start(new Dictionary<string, string?>
            {
                ["NexGen:StorePath"] = Path.Combine(folder, "store.duckdb"),
                ["NexGen:LoadSamplesOnFirstStart"] = "false",
            });

            Assert.False(File.Exists(leftover));
            using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            client.DefaultRequestHeaders.Add(RequestOriginGuard.ClientHeader, "tests");
            var response = await client.PostAsync("/api/v1/imports/products", new StringContent("sku,name\nA,Apple\n", Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Empty(Directory.GetFiles(tmp));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
