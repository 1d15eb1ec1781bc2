using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using NexGen.Core.Store;

namespace NexGen.Tests.Web.Api;

/// <summary>
/// A corpus of malformed and hostile requests (uploads, API parameters, headers, keys, cookies, sign-in) from a planner's
/// key: each gets exactly its expected 4xx (or a harmless 200 or redirect), never a 5xx, and changes no table but the audit trail (the import history records a refused file as rejected, by design,
/// and the audit log records the attempt).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class MalformedInputTests(MalformedInputFixture fixture) : IClassFixture<MalformedInputFixture>
{
    const string Boundary = "nexgen-boundary";
    static readonly string[] AuditTables = ["imports", "audit_log"];

    sealed record Case(HttpMethod Method, string Path, int Expected, Func<HttpContent?>? Content = null, Action<HttpRequestMessage>? Prepare = null);

    static StringContent Text(string text, string type) => new(text, Encoding.UTF8, type);

    static ByteArrayContent Bytes(byte[] bytes, string? type)
    {
        var content = new ByteArrayContent(bytes);
        if (type is not null)
            content.Headers.TryAddWithoutValidation("Content-Type", type);
        return content;
    }

    static ByteArrayContent Multipart(string body, string type = $"multipart/form-data; boundary={Boundary}") =>
        Bytes(Encoding.UTF8.GetBytes(body.ReplaceLineEndings("\r\n")), type);

    static string FilePart(string fileName, string content) =>
        $"--{Boundary}\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\nContent-Type: text/csv\n\n{content}";

    static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    static Case Import(string query, int expected, Func<HttpContent?> content, Action<HttpRequestMessage>? prepare = null) =>
        new(HttpMethod.Post, "/api/v1/imports/" + query, expected, content, prepare);

    static Case Run(string json, int expected) => new(HttpMethod.Post, "/api/v1/runs", expected, () => Text(json, "application/json"));

    static Case Get(string path, int expected, Action<HttpRequestMessage>? prepare = null) => new(HttpMethod.Get, path, expected, Prepare: prepare);

    static readonly Dictionary<string, Case> Cases = new()
    {
        ["multipart truncated inside the file"] = Import("sales", 400, () => Multipart(FilePart("a.csv", "location,sku,date,quantity\nS1,A,2024-01-0"))),
        ["multipart without its closing boundary"] = Import("sales", 400, () => Multipart(FilePart("a.csv", "location,sku,date,quantity\nS1,A,2024-01-05,1\n"))),
        ["multipart with only a text field"] = Import("sales", 400, () => Multipart($"--{Boundary}\nContent-Disposition: form-data; name=\"note\"\n\nhello\n--{Boundary}--\n")),
        ["multipart without a boundary"] = Import("sales", 400, () => Multipart(FilePart("a.csv", "x\n"), "multipart/form-data")),
        ["multipart boundary of 200 characters"] = Import("sales", 400, () => Multipart("x", "multipart/form-data; boundary=" + new string('b', 200))),
        ["multipart part headers of 64 KB"] = Import("sales", 400, () => Multipart($"--{Boundary}\nX-Filler: {new string('h', 64 * 1024)}\n\nx\n--{Boundary}--\n")),
        ["multipart path traversal file name with binary content"] = Import("sales", 400, () => Multipart(FilePart("../../../../etc/passwd", "\u0001\u0002\u0003") + $"\n--{Boundary}--\n")),
        ["JSON content type"] = Import("sales", 415, () => Text("{\"location\":\"S1\"}", "application/json")),
        ["XML content type"] = Import("sales", 415, () => Text("<sales/>", "application/xml")),
        ["no content type"] = Import("sales", 415, () => Bytes("location,sku,date,quantity\n"u8.ToArray(), null)),
        ["unparseable content type"] = Import("sales", 415, () => Bytes("a\n"u8.ToArray(), "((garbage")),
        ["random binary as CSV"] = Import("sales", 400, () => Bytes(RandomBytes(64 * 1024), "text/csv")),
        ["PNG image as CSV"] = Import("sales", 400, () => Bytes(Concat([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], RandomBytes(4096)), "text/csv")),
        ["invalid UTF-8 in a date"] = Import("sales", 400, () => Bytes(Concat("location,sku,date,quantity\nS1,A,"u8.ToArray(), [0xC3, 0x28, 0xFF, 0xFE], ",1\n"u8.ToArray()), "text/csv")),
        ["NUL bytes in a row"] = Import("sales", 400, () => Bytes(Concat("location,sku,date,quantity\nS1,A,2024-01-05,"u8.ToArray(), [0, 0, 0], "\n"u8.ToArray()), "text/csv")),
        ["UTF-16 text without a BOM"] = Import("sales", 400, () => Bytes(Encoding.Unicode.GetBytes("location,sku,date,quantity\nS1,A,2024-13-05,1\n"), "text/csv")),
        ["a 10 MB single line"] = Import("sales", 400, () => Bytes(Encoding.ASCII.GetBytes(new string('x', 10 * 1024 * 1024)), "text/csv")),
        ["a quote never closed"] = Import("sales", 400, () => Text("location,sku,date,quantity\n\"S1,A,2024-01-05,1\nS2,B,2024-01-05,2\n", "text/csv")),
        ["13 MB body with a Content-Length"] = Import("sales", 413, () => Bytes(new byte[13 * 1024 * 1024], "text/csv"), r => r.Headers.ExpectContinue = true),
        ["13 MB chunked body"] = Import("sales", 413, () => new StreamContent(new MemoryStream(new byte[13 * 1024 * 1024])) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } },
            r => { r.Headers.TransferEncodingChunked = true; r.Headers.ExpectContinue = true; }),
        ["gzip header then garbage"] = Import("sales", 400, () => Bytes(Concat([0x1F, 0x8B, 0x08, 0x00], RandomBytes(2048)), "application/gzip")),
        ["empty body"] = Import("sales", 400, () => Bytes([], "text/csv")),
        ["SQL in values with a bad date"] = Import("sales", 400, () => Text("location,sku,date,quantity\n'; DROP TABLE sales; --,x' OR '1'='1,2024-02-30,1\n", "text/csv")),
        ["formula cells with a bad date"] = Import("products", 400, () => Text("sku,name,unit_cost\n=1+1,@SUM(A1),-1+2\n=2,x,notanumber\n", "text/csv")),
        ["unknown kind"] = Import("widgets", 400, () => Text("a\n", "text/csv")),
        ["SQL-looking kind"] = Import("sales%3BDROP%20TABLE%20sales", 400, () => Text("a\n", "text/csv")),
        ["numeric kind"] = Import("1", 400, () => Text("a\n", "text/csv")),
        ["encoded path traversal as kind"] = Import("..%2F..%2Fetc%2Fpasswd", 400, () => Text("a\n", "text/csv")),
        ["control characters in the file name"] = Import("sales?fileName=a%0D%0ASet-Cookie:x.csv", 400, () => Text("a\n", "text/csv")),
        ["a file name that is only dots"] = Import("sales?fileName=../..", 400, () => Text("a\n", "text/csv")),
        ["malformed column mapping"] = Import("sales?mapping=Store", 400, () => Text("a\n", "text/csv")),
        ["column mapping naming a column twice"] = Import("sales?mapping=a%3Dsku,a%3Dlocation", 400, () => Text("a\n", "text/csv")),
        ["a 40 KB header"] = Get("/api/v1/runs", 431, r => r.Headers.TryAddWithoutValidation("X-Filler", new string('h', 40 * 1024))),
        ["150 headers"] = Get("/api/v1/runs", 431, r => { for (var i = 0; i < 150; i++) r.Headers.TryAddWithoutValidation($"X-Filler-{i}", "x"); }),
        ["a 100 KB URL"] = Get("/api/v1/forecasts?sku=" + new string('a', 100 * 1024), 414),
        ["negative horizon"] = Run("{\"kind\":\"forecast\",\"horizon\":-5}", 400),
        ["zero horizon"] = Run("{\"kind\":\"forecast\",\"horizon\":0}", 400),
        ["absurd horizon"] = Run("{\"kind\":\"forecast\",\"horizon\":1000000}", 400),
        ["horizon beyond Int32"] = Run("{\"kind\":\"forecast\",\"horizon\":99999999999999}", 400),
        ["horizon as text"] = Run("{\"kind\":\"forecast\",\"horizon\":\"ten\"}", 400),
        ["fractional horizon"] = Run("{\"kind\":\"forecast\",\"horizon\":1.5}", 400),
        ["refresh with a cutoff"] = Run("{\"kind\":\"refresh\",\"horizon\":4,\"cutoff\":\"2024-01-05\"}", 400),
        ["SQL-looking run kind"] = Run("{\"kind\":\"forecast'; DROP TABLE runs; --\",\"horizon\":4}", 400),
        ["impossible cutoff"] = Run("{\"kind\":\"forecast\",\"horizon\":4,\"cutoff\":\"2024-02-30\"}", 400),
        ["backtest with no window"] = Run("{\"kind\":\"backtest\",\"horizon\":4,\"windows\":0}", 400),
        ["backtest with 1000 windows"] = Run("{\"kind\":\"backtest\",\"horizon\":4,\"windows\":1000}", 400),
        ["truncated JSON"] = Run("{\"kind\":\"forecast\",\"hori", 400),
        ["JSON array"] = Run("[1,2,3]", 400),
        ["JSON nested 1000 deep"] = Run(string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000), 400),
        ["empty JSON body"] = Run("", 400),
        ["run body as text/plain"] = new(HttpMethod.Post, "/api/v1/runs", 415, () => Text("{\"kind\":\"forecast\",\"horizon\":4}", "text/plain")),
        ["unknown run id"] = Get("/api/v1/runs/987654", 404),
        ["non-numeric run id"] = Get("/api/v1/runs/abc", 404),
        ["run id beyond Int64"] = Get("/api/v1/runs/99999999999999999999", 404),
        ["negative run id"] = Get("/api/v1/runs/-1", 404),
        ["cancel an unknown run"] = new(HttpMethod.Delete, "/api/v1/runs/987654", 404),
        ["unknown import id"] = Get("/api/v1/imports/987654", 404),
        ["negative import id"] = Get("/api/v1/imports/-3", 404),
        ["SQL in sku"] = Get("/api/v1/forecasts?sku=%27%20OR%201%3D1%20--", 200),
        ["SQL in location"] = Get("/api/v1/forecasts?location=x%27%3B%20DROP%20TABLE%20forecasts%3B%20--&format=csv", 200),
        ["impossible from date"] = Get("/api/v1/forecasts?from=2024-99-99", 400),
        ["from after to"] = Get("/api/v1/forecasts?from=2024-05-01&to=2024-01-01", 400),
        ["unknown format"] = Get("/api/v1/forecasts?format=xlsx", 400),
        ["negative page"] = Get("/api/v1/forecasts?page=-1", 400),
        ["page size of 100000"] = Get("/api/v1/forecasts?pageSize=100000", 400),
        ["non-numeric run filter"] = Get("/api/v1/forecasts?run=abc", 400),
        ["unknown run filter"] = Get("/api/v1/forecasts?run=987654", 404),
        ["NUL in location"] = Get("/api/v1/forecasts?location=%00", 400),
        ["sku of 300 characters"] = Get("/api/v1/forecasts?sku=" + new string('s', 300), 400),
        ["page far beyond the rows"] = Get("/api/v1/forecasts?page=1000000", 200),
        ["promote an unknown model"] = new(HttpMethod.Post, "/api/v1/models/987654/promote", 404),
        ["promote a non-numeric model"] = new(HttpMethod.Post, "/api/v1/models/abc/promote", 404),
        ["PUT on runs"] = new(HttpMethod.Put, "/api/v1/runs", 405, () => Text("{}", "application/json")),
        ["unknown API path"] = Get("/api/v1/secrets", 404),
        ["forged API key"] = Get("/api/v1/runs", 401, r => r.Headers.TryAddWithoutValidation("X-Api-Key", "ngk_forged-key-that-was-never-issued")),
        ["API key of 10 KB"] = Get("/api/v1/runs", 401, r => r.Headers.TryAddWithoutValidation("X-Api-Key", new string('k', 10 * 1024))),
        ["forged sign-in cookie on a page"] = Get("/", 302, r => r.Headers.TryAddWithoutValidation("Cookie", "nexgen.auth=CfDJ8forged" + new string('A', 500))),
        ["sign-in without its antiforgery token"] = new(HttpMethod.Post, "/account/login", 400,
            () => new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "admin", ["password"] = "' OR '1'='1" })),
        ["sign-in with a 100 KB name"] = new(HttpMethod.Post, "/account/login", 400,
            () => new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = new string('n', 100 * 1024), ["password"] = "x" })),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Fact]
    public void TheCorpusHasAtLeastFiftyCases() => Assert.True(Cases.Count >= 50, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task MalformedRequestGetsItsExactStatusAndChangesNoData(string name)
    {
        var test = Cases[name];
        using var client = fixture.App.Client(fixture.App.PlannerKey);
        var before = await fixture.SnapshotAsync();
        using var request = new HttpRequestMessage(test.Method, test.Path) { Content = test.Content?.Invoke() };
        test.Prepare?.Invoke(request);

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(test.Expected == (int)response.StatusCode, $"{name}: expected {test.Expected}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        Assert.DoesNotContain("   at ", body);
        if (test.Expected is >= 400 and not 431 and not 414)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await fixture.SnapshotAsync();
        Assert.Equal(before.Keys, after.Keys);
        foreach (var table in before.Keys.Except(AuditTables))
            Assert.True(before[table] == after[table], $"{name} changed table {table}: {before[table]} -> {after[table]}");
        using var connection = fixture.App.App.GetRequiredService<DuckDbStore>().Open();
        var newImports = await connection.QueryAsync<string>("SELECT status FROM imports WHERE id > $last", new { last = before["imports"].Rows });
        Assert.All(newImports, status => Assert.NotEqual("succeeded", status));
    }

    [Fact]
    public async Task CsvExportOfFormulaLookingKeysIsEscaped()
    {
        using var client = fixture.App.Client(fixture.App.ViewerKey);

        var csv = await client.GetStringAsync("/api/v1/forecasts?format=csv");

        Assert.Contains("\n'+store-2,'-A2,2024-03-15,", csv);
        Assert.Contains("\nstore-1,'=cmd|' /C calc'!A0,2024-03-15,1.0,,,,,'@global\n", csv);
    }

    static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(count).NextBytes(bytes);
        return bytes;
    }
}
