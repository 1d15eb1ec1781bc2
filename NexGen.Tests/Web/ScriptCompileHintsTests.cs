using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using NexGen.Web.Extensions;
using NexGen.Web.Services;

namespace NexGen.Tests.Web;

/// <summary>plotly.js is served as Plotly.Blazor ships it, with V8's compile hint on its first line, in every encoding.</summary>
[Collection(WebCollection.Name)]
public sealed class ScriptCompileHintsTests : IAsyncLifetime
{
    NexGenWebApp? _app;

    public Task InitializeAsync()
    {
        _app = NexGenWebApp.Start(new Dictionary<string, string?> { ["NexGen:LoadSamplesOnFirstStart"] = "false" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task PlotlyIsThePackagesFileAfterTheCompileHint(string? encoding)
    {
        var package = _app!.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo(PlotlyPreloader.BasicScriptPath.TrimStart('/'));
        Assert.True(package.Exists, $"{PlotlyPreloader.BasicScriptPath} is not in the web root: Plotly.Blazor's file moved");
        byte[] original;
        using (var stream = package.CreateReadStream())
        using (var copy = new MemoryStream())
        {
            await stream.CopyToAsync(copy);
            original = copy.ToArray();
        }

        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
        using var request = new HttpRequestMessage(HttpMethod.Get, _app.BaseUrl + PlotlyPreloader.BasicScriptPath);
        if (encoding is not null)
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(encoding is null ? [] : [encoding], response.Content.Headers.ContentEncoding);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        var decoded = encoding switch
        {
            "gzip" => Decode(body, s => new GZipStream(s, CompressionMode.Decompress)),
            "br" => Decode(body, s => new BrotliStream(s, CompressionMode.Decompress)),
            _ => body,
        };
        var hint = Encoding.UTF8.GetBytes(ScriptCompileHints.Hint);
        Assert.Equal([.. hint, .. original], decoded);
        Assert.StartsWith("/**\n* plotly.js (basic - minified)", Encoding.UTF8.GetString(original, 0, 40));
    }

    [Fact]
    public async Task PlotlyIsNotSentAgainToABrowserThatHasIt()
    {
        using var client = new HttpClient();
        using var first = await client.GetAsync(_app!.BaseUrl + PlotlyPreloader.BasicScriptPath);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("no-cache", first.Headers.CacheControl?.ToString());

        using var request = new HttpRequestMessage(HttpMethod.Get, _app.BaseUrl + PlotlyPreloader.BasicScriptPath);
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    static byte[] Decode(byte[] body, Func<Stream, Stream> decoder)
    {
        using var decoded = new MemoryStream();
        using (var stream = decoder(new MemoryStream(body)))
            stream.CopyTo(decoded);
        return decoded.ToArray();
    }
}
