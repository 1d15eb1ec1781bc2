using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NexGen.Core.Security;
using NexGen.Core.Store;

namespace NexGen.Tests.Web.Api;

/// <summary><c>/imports</c>: raw and multipart uploads, the rejected file's report, the history, the limits.</summary>
[Collection(WebCollection.Name)]
public sealed class ImportsApiTests(SecuredAppFixture fixture) : IClassFixture<SecuredAppFixture>
{
    SecuredApp App => fixture.App;

    [Fact]
    public async Task RawCsvIsImportedWith201TheLocationAndTheReport()
    {
        using var planner = App.Client(App.PlannerKey);
        var body = new StringContent("location,sku,date,quantity\nstore-9,Z1,2024-01-05,4\nstore-9,Z1,2024-01-12,6\n", Encoding.UTF8, "text/csv");

        var response = await planner.PostAsync("/api/v1/imports/sales?fileName=weekly.csv", body);

        var result = await Problems.JsonAsync(response, HttpStatusCode.Created);
        var id = result.GetProperty("importId").GetInt64();
        Assert.Equal($"/api/v1/imports/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("succeeded", result.GetProperty("report").GetProperty("status").GetString());
        Assert.Equal(2, result.GetProperty("report").GetProperty("rowsImported").GetInt64());
        Assert.Equal("weekly.csv", result.GetProperty("report").GetProperty("fileName").GetString());

        var detail = await Problems.JsonAsync(await planner.GetAsync($"/api/v1/imports/{id}"), HttpStatusCode.OK);
        Assert.Equal("succeeded", detail.GetProperty("import").GetProperty("status").GetString());
        Assert.Equal(2, detail.GetProperty("report").GetProperty("rowsImported").GetInt64());
        var list = await Problems.JsonAsync(await planner.GetAsync("/api/v1/imports"), HttpStatusCode.OK);
        Assert.Equal(id, list[0].GetProperty("id").GetInt64());
        var audit = await App.App.GetRequiredService<AuditLog>().RecentAsync(50);
        Assert.Contains(audit, e => e.Actor.EndsWith("(test planner)", StringComparison.Ordinal) && e.Action == "import" && e.Target == $"import {id}");
    }

    [Fact]
    public async Task MultipartUploadWithAMappingKeepsOnlyTheFileNameOfAPath()
    {
        using var planner = App.Client(App.PlannerKey);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("Store,Item,Day,Units\nstore-8,Y1,2024-01-05,3\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "../../etc/sales.csv");

        var response = await planner.PostAsync("/api/v1/imports/sales?mapping=Store=location,Item=sku,Day=date,Units=quantity", form);

        var result = await Problems.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("sales.csv", result.GetProperty("report").GetProperty("fileName").GetString());
        Assert.Equal(1, result.GetProperty("report").GetProperty("rowsImported").GetInt64());
    }

    [Fact]
    public async Task RejectedFileGets400WithTheReportAndChangesNoRow()
    {
        using var planner = App.Client(App.PlannerKey);
        var before = await SalesRowsAsync();

        var response = await planner.PostAsync("/api/v1/imports/sales",
            new StringContent("location,sku,date,quantity\nS1,A,2024-01-05,1\nS1,A,2024-13-01,1\n", Encoding.UTF8, "text/csv"));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("rejected", problem.GetProperty("report").GetProperty("status").GetString());
        Assert.Equal(1, problem.GetProperty("report").GetProperty("counts").GetProperty("bad_date").GetInt64());
        Assert.True(problem.GetProperty("importId").GetInt64() > 0);
        Assert.Equal(before, await SalesRowsAsync());
    }

    [Fact]
    public async Task BadParametersGet400NamingEachField()
    {
        using var planner = App.Client(App.PlannerKey);
        var csv = () => new StringContent("location,sku,date,quantity\n", Encoding.UTF8, "text/csv");

        await Problems.AssertFieldErrorsAsync(await planner.PostAsync("/api/v1/imports/widgets", csv()), "kind");
        await Problems.AssertFieldErrorsAsync(await planner.PostAsync("/api/v1/imports/sales?mapping=Store", csv()), "mapping");
        await Problems.AssertFieldErrorsAsync(await planner.PostAsync("/api/v1/imports/1?mapping=a=b,a=c", csv()), "kind", "mapping");
        await Problems.AssertFieldErrorsAsync(await planner.PostAsync("/api/v1/imports/sales", new StringContent("", Encoding.UTF8, "text/csv")), "file");
    }

    [Fact]
    public async Task OversizeBodyGets413WithOrWithoutAContentLength()
    {
        using var planner = App.Client(App.PlannerKey);
        var size = (int)SecuredAppFixture.UploadLimit + 1024;

        // Expect: 100-continue lets the server refuse before the body is sent, as curl does for large bodies.
        using var declared = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/sales")
        {
            Content = new ByteArrayContent(new byte[size]) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } },
        };
        declared.Headers.ExpectContinue = true;
        await Problems.AssertProblemAsync(await planner.SendAsync(declared), HttpStatusCode.RequestEntityTooLarge);

        var chunked = new StreamContent(new MemoryStream(new byte[size]));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/sales") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.ExpectContinue = true;
        await Problems.AssertProblemAsync(await planner.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task WrongContentTypeGets415AndAnUnknownImport404()
    {
        using var planner = App.Client(App.PlannerKey);

        await Problems.AssertProblemAsync(await planner.PostAsync("/api/v1/imports/sales", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.UnsupportedMediaType);
        await Problems.AssertProblemAsync(await planner.GetAsync("/api/v1/imports/987654"), HttpStatusCode.NotFound);
    }

    async Task<long> SalesRowsAsync() => (await App.App.GetRequiredService<StoreInfoReader>().ReadAsync(0)).SalesRows;
}
