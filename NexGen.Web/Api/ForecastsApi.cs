using Microsoft.AspNetCore.Http.HttpResults;
using NexGen.Core.Store;
using NexGen.Web.Security;
using NexGen.Web.Services;

namespace NexGen.Web.Api;

/// <summary>
/// <c>/forecasts</c>: the rows of the active forecast (the latest succeeded forecast run) or of a given run, as paged
/// JSON or as a CSV or Parquet file streamed from a temporary export.
/// </summary>
public static class ForecastsApi
{
    public const int MaxPageSize = 1000;

    public static RouteGroupBuilder MapForecastsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/forecasts", GetAsync).WithTags("Forecasts").RequireAuthorization(Policies.Viewer)
            .Produces<ForecastsResponse>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: "application/vnd.apache.parquet")
            .WithSummary("Forecast rows by location, SKU and dates: paged JSON, or a CSV / Parquet file")
            .WithDescription("run defaults to the active forecast; from/to are yyyy-MM-dd and inclusive; page from 1, pageSize up to 1000.");
        return api;
    }

    static async Task<Results<Ok<ForecastsResponse>, FileStreamHttpResult, ProblemHttpResult, ValidationProblem>> GetAsync(
        string? location, string? sku, string? from, string? to, string? format, string? run, string? page, string? pageSize,
        RunStore runs, TempFiles temp, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var filter = new ForecastFilter(errors.Key("location", location), errors.Key("sku", sku), errors.Date("from", from), errors.Date("to", to));
        if (filter is { From: { } first, To: { } last } && first > last)
            errors.Add("to", "Must not be before from.");
        var kind = errors.OneOf("format", format, "json", "json", "csv", "parquet");
        var runId = errors.Number("run", run, 0, 1, long.MaxValue);
        var pageNumber = (int)errors.Number("page", page, 1, 1, 1_000_000);
        var size = (int)errors.Number("pageSize", pageSize, 100, 1, MaxPageSize);
        if (errors.Any)
            return errors.ToProblem();

        var record = runId > 0 ? await runs.FindAsync(runId, cancellationToken) : await runs.LatestSucceededAsync("forecast", cancellationToken);
        if (record is not { Kind: "forecast", Status: "succeeded" })
            return ApiProblems.NotFound(runId > 0 ? $"There is no succeeded forecast run {runId}." : "There is no forecast yet: start a forecast run.");
        if (kind == "json")
        {
            var rows = await runs.ForecastPageAsync(record.Id, filter, (long)(pageNumber - 1) * size, size, cancellationToken);
            return TypedResults.Ok(new ForecastsResponse(record.Id, pageNumber, size, rows.Total, rows.Rows));
        }

        var path = temp.NewPath("export", kind);
        await runs.ExportForecastsAsync(record.Id, filter, path, kind, cancellationToken);
        // Deleted when the response has streamed it (or the client went away).
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return TypedResults.Stream(file, kind == "csv" ? "text/csv" : "application/vnd.apache.parquet", $"forecasts-run-{record.Id}.{kind}");
    }
}
