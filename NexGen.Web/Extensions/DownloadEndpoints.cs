using NexGen.Web.Services;
using NexGen.Core.Store;
using NexGen.Web.Security;

namespace NexGen.Web.Extensions;

/// <summary>
/// Every file download of the pages: plain GET endpoints that a link with a <c>download</c> attribute fetches (or
/// <see cref="BrowserDownloads"/> starts after an action that writes the file), so a file of any size streams from
/// disk to the browser without passing through the Blazor circuit.
/// </summary>
public static class DownloadEndpoints
{
    /// <summary>The URL of a run's forecasts as <paramref name="format"/> (<c>csv</c> or <c>parquet</c>).</summary>
    public static string ForecastsUrl(long runId, string format) => $"/downloads/runs/{runId}/forecasts.{format}";

    /// <summary>The name the browser saves a run's forecasts under.</summary>
    public static string ForecastsFileName(long runId, string format) => $"nexgen-forecast-run-{runId}.{format}";

    /// <summary>The URL of a purchase-order export file (see <see cref="ReplenishmentStore.ExportApprovedAsync"/>).</summary>
    public static string PurchaseOrdersUrl(PurchaseOrderExport export) => $"/downloads/purchase-orders/{Uri.EscapeDataString(export.FileName)}";

    /// <summary>
    /// <c>GET /downloads/runs/{id}/forecasts.csv|parquet</c>: one forecast run's rows (location, sku, date, forecast,
    /// p10, p50, p90, p95, model), exported by <see cref="RunStore.ExportForecastsAsync"/> to a temporary file that is
    /// streamed and deleted when the response ends. 404 for an unknown run or one without forecasts. Viewers and up
    /// (the signed-in cookie, or anyone on loopback while authentication is off).
    /// </summary>
    public static IEndpointRouteBuilder MapNexGenDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/downloads/runs/{runId:long}/forecasts.{format:regex(^(csv|parquet)$)}", DownloadForecastsAsync)
            .RequireAuthorization(Policies.Viewer)
            .WithName("DownloadForecasts")
            .ExcludeFromDescription();
        endpoints.MapGet("/downloads/purchase-orders/{fileName}", DownloadPurchaseOrdersAsync)
            .RequireAuthorization(Policies.Viewer)
            .WithName("DownloadPurchaseOrders")
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// <c>GET /downloads/purchase-orders/{fileName}</c>: a purchase-order export the store recorded (the file stays on
    /// the server, so it downloads again later). 404 for a name no export was written to, or a file deleted since.
    /// Viewers and up, like the table of exports that links to it.
    /// </summary>
    static async Task<IResult> DownloadPurchaseOrdersAsync(string fileName, ReplenishmentStore replenishments, CancellationToken cancellationToken)
    {
        var export = await replenishments.FindExportAsync(fileName, cancellationToken);
        if (export is null)
            return Results.NotFound($"No purchase-order export was written to a file named '{fileName}'.");
        var folder = Path.GetFullPath(replenishments.ExportsFolder) + Path.DirectorySeparatorChar;
        if (!Path.GetFullPath(export.Path).StartsWith(folder, StringComparison.Ordinal))
            return Results.NotFound($"{export.FileName} was written outside the exports folder (by `nexgen po export --out`), so the app does not serve it.");
        if (!File.Exists(export.Path))
            return Results.NotFound($"{export.FileName} is no longer on the server ({export.Path}).");
        return Results.File(export.Path, ContentType(export.Format), export.FileName);
    }

    static string ContentType(string format) => format == "parquet" ? "application/vnd.apache.parquet" : "text/csv; charset=utf-8";

    static async Task<IResult> DownloadForecastsAsync(long runId, string format, RunStore runs, TempFiles temp, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(runId, cancellationToken);
        if (run is null)
            return Results.NotFound($"There is no run #{runId}.");
        if (run.Kind != "forecast" || run.Status != "succeeded")
            return Results.NotFound($"Run #{runId} ({run.Kind}, {run.Status}) has no forecasts to download: only succeeded forecast runs write them.");

        var path = temp.NewPath("download", format);
        try
        {
            // COPY writes synchronously under DuckDB: keep it off the request's thread.
            await Task.Run(() => runs.ExportForecastsAsync(runId, path, format, cancellationToken), cancellationToken);
            // Deleted when the response has streamed it (or the client went away): nothing is left in the temp folder.
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16,
                FileOptions.Asynchronous | FileOptions.SequentialScan | FileOptions.DeleteOnClose);
            return Results.File(stream, ContentType(format), ForecastsFileName(runId, format));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TryDelete(path);
            loggers.CreateLogger(typeof(DownloadEndpoints)).LogError(e, "Could not export the forecasts of run {RunId} as {Format}", runId, format);
            return Results.Problem($"Could not export the forecasts of run #{runId}: {e.Message}", statusCode: StatusCodes.Status500InternalServerError);
        }
        catch
        {
            TryDelete(path);
            throw;
        }
    }

    static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left to the temp folder's cleaner.
        }
    }
}
