// Blazor's JS initializer for the app (wwwroot/{assembly}.lib.module.js, called by blazor.web.js).
//
// plotly.js (the basic bundle: 1.1 MB, about 150 ms to run on 2 busy cores) starts loading as soon as Blazor starts,
// on every page: it is fetched and run while the circuit connects and the page's data is read on the server, so a
// chart draws as soon as its data arrives, on this page and on every page opened later. A chart would otherwise load
// it only when first drawn, after its data. It loads through Plotly.Blazor's own module and loader, with the same
// module URL, script id and script URL that Plotly.Blazor 7.2 uses for a chart with UseBasicVersion, so the charts
// find it loaded (or loading): check them when upgrading Plotly.Blazor, since a different URL would load it twice.
const interopModule = "_content/Plotly.Blazor/plotly-interop-7.2.0.js";
const scriptId = "plotly-import";
const basicScript = "./_content/Plotly.Blazor/plotly-basic-3.7.0.min.js";

export function afterWebStarted() {
    // Not awaited: Blazor starts meanwhile. A failure only means the charts load plotly.js themselves.
    import(new URL(interopModule, document.baseURI).href)
        .then(module => module.importScript(scriptId, basicScript))
        .catch(error => console.warn("Could not preload plotly.js; the charts load it when they draw.", error));
}
