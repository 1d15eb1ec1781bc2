using Microsoft.JSInterop;

namespace NexGen.Web.Services;

/// <summary>
/// Runs plotly.js as soon as a page with charts is live, through Plotly.Blazor's own loader, so that the library (the
/// basic bundle: 1.1 MB) is parsed and run while the page's data is read on the server; a <c>PlotlyChart</c> otherwise
/// loads it only when it is first drawn, after the data has arrived. Its bytes are already in the browser: every page's
/// head preloads <see cref="BasicScriptPath"/> (App.razor), so the fetch does not wait for the circuit either. The
/// module, the script's id and its URL are those Plotly.Blazor 7.2 uses for a chart with <c>UseBasicVersion</c>, so the
/// charts find the script loaded (or loading) and draw once it is: check them when upgrading Plotly.Blazor, since a
/// different URL would load plotly.js twice. Scoped: one per circuit.
/// </summary>
public sealed class PlotlyPreloader(IJSRuntime js, ILogger<PlotlyPreloader> logger)
{
    const string InteropModule = "./_content/Plotly.Blazor/plotly-interop-7.2.0.js";
    const string ScriptId = "plotly-import";
    /// <summary>Plotly.Blazor's basic bundle, served with a compile hint by <see cref="Extensions.ScriptCompileHints"/>.</summary>
    public const string BasicScriptPath = "/_content/Plotly.Blazor/plotly-basic-3.7.0.min.js";
    const string BasicScript = "." + BasicScriptPath;

    bool _started;

    /// <summary>Loads plotly.js in the browser, once per circuit; a failure only means the charts load it themselves.</summary>
    public async Task PreloadAsync()
    {
        if (_started)
            return;
        _started = true;
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", InteropModule);
            await module.InvokeVoidAsync("importScript", ScriptId, BasicScript);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            logger.LogDebug(e, "Could not preload plotly.js; the charts load it when they draw");
        }
    }
}
