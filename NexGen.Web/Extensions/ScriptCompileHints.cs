using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using NexGen.Web.Services;

namespace NexGen.Web.Extensions;

/// <summary>
/// Serves Plotly.Blazor's plotly.js bundle with V8's explicit compile hint (<c>//# allFunctionsCalledOnLoad</c>) on
/// its first line, so that Chromium compiles all of it while the script streams in, off the page's main thread,
/// instead of function by function as plotly.js first runs. On a cold load of the Overview at M5 scale (2 cores shared
/// with the server) running the bundle took 25 ms of the main thread instead of 130 to 190 ms (Chromium traces), and
/// the first chart draws sooner (README "Benchmarks"). Other browsers read a comment.
/// The URL is Plotly.Blazor's (<see cref="PlotlyPreloader.BasicScriptPath"/>); the bytes are the package's file, read
/// from the web root once the app has started and kept with their gzip and Brotli encodings. Without the file in the
/// web root (an app neither published nor in Development) the static assets serve the package's file as it is.
/// </summary>
public static class ScriptCompileHints
{
    public const string Hint = "//# allFunctionsCalledOnLoad\n";

    /// <summary>The hinted script and its encodings, as sent.</summary>
    sealed record HintedScript(byte[] Identity, byte[] Gzip, byte[] Brotli, string ETag);

    public static WebApplication UseScriptCompileHints(this WebApplication app)
    {
        var script = new Lazy<HintedScript?>(() => Read(app.Environment.WebRootFileProvider.GetFileInfo(PlotlyPreloader.BasicScriptPath.TrimStart('/'))));
        // Encoding it takes about 200 ms: done once the app has started, not on the first chart page's request.
        app.Lifetime.ApplicationStarted.Register(() => Task.Run(() => script.Value));
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!request.Path.Equals(PlotlyPreloader.BasicScriptPath, StringComparison.Ordinal)
                || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || script.Value is not { } hinted)
            {
                await next(context);
                return;
            }
            var response = context.Response;
            response.Headers.ContentType = "text/javascript";
            response.Headers.CacheControl = "no-cache";
            response.Headers.ETag = hinted.ETag;
            response.Headers.Vary = HeaderNames.AcceptEncoding;
            if (request.Headers.IfNoneMatch.Contains(hinted.ETag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            var accepted = request.GetTypedHeaders().AcceptEncoding
                .Where(e => e.Quality is not 0).Select(e => e.Value.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var (body, encoding) = accepted.Contains("br") ? (hinted.Brotli, "br")
                : accepted.Contains("gzip") ? (hinted.Gzip, "gzip")
                : (hinted.Identity, null);
            if (encoding is not null)
                response.Headers.ContentEncoding = encoding;
            response.ContentLength = body.Length;
            if (HttpMethods.IsGet(request.Method))
                await response.Body.WriteAsync(body, context.RequestAborted);
        });
        return app;
    }

    static HintedScript? Read(Microsoft.Extensions.FileProviders.IFileInfo file)
    {
        if (!file.Exists)
            return null;
        using var source = file.CreateReadStream();
        using var identity = new MemoryStream();
        identity.Write(Encoding.UTF8.GetBytes(Hint));
        source.CopyTo(identity);
        var bytes = identity.ToArray();
        return new HintedScript(bytes, Encode(bytes, s => new GZipStream(s, CompressionLevel.Optimal)),
            Encode(bytes, s => new BrotliStream(s, CompressionLevel.Optimal)), $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
    }

    static byte[] Encode(byte[] bytes, Func<Stream, Stream> encoder)
    {
        using var encoded = new MemoryStream();
        using (var stream = encoder(encoded))
            stream.Write(bytes);
        return encoded.ToArray();
    }
}
