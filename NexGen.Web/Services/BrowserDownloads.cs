using Microsoft.JSInterop;

namespace NexGen.Web.Services;

/// <summary>
/// Starts a download from code, after an action that writes the file (a purchase-order export): the browser fetches
/// a GET endpoint of <see cref="Extensions.DownloadEndpoints"/> through a link that <c>wwwroot/downloads.js</c>
/// clicks, so the file streams from disk and never passes through the circuit. Scoped: one per circuit.
/// </summary>
public sealed class BrowserDownloads(IJSRuntime js) : IAsyncDisposable
{
    IJSObjectReference? _module;

    /// <summary>Downloads <paramref name="url"/> (an app-relative address) as <paramref name="fileName"/>.</summary>
    public async Task StartAsync(string url, string fileName, CancellationToken cancellationToken = default)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", cancellationToken, "./downloads.js");
        await _module.InvokeVoidAsync("startDownload", cancellationToken, url, fileName);
    }

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
