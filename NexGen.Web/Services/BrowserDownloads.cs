using Microsoft.JSInterop;

namespace NexGen.Web.Services;

/// <summary>
/// Sends a server file to the browser as a download over the circuit (a <see cref="DotNetStreamReference"/> read by
/// <c>wwwroot/downloads.js</c> into a blob the browser saves): no extra endpoint, so the download has exactly the
/// rights of the page that asks for it. Suited to files of a few megabytes, like purchase-order exports. Scoped: one
/// per circuit.
/// </summary>
public sealed class BrowserDownloads(IJSRuntime js) : IAsyncDisposable
{
    IJSObjectReference? _module;

    /// <summary>Streams <paramref name="path"/> to the browser, which saves it as <paramref name="fileName"/>.</summary>
    /// <param name="contentType">The MIME type, e.g. <c>text/csv</c>.</param>
    public async Task DownloadFileAsync(string path, string fileName, string contentType, CancellationToken cancellationToken = default)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", cancellationToken, "./downloads.js");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        using var reference = new DotNetStreamReference(stream, leaveOpen: false);
        await _module.InvokeVoidAsync("downloadFromStream", cancellationToken, fileName, contentType, reference);
    }

    /// <summary>The MIME type of an export format ("csv" or "parquet").</summary>
    public static string ContentType(string format) =>
        format.Equals("parquet", StringComparison.OrdinalIgnoreCase) ? "application/vnd.apache.parquet" : "text/csv";

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
            return;
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone with its module.
        }
    }
}
