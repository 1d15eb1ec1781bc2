using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NexGen.Core.Forecasting;
using NexGen.Core.Jobs;
using NexGen.Core.Security;
using NexGen.Core.Store;
using NexGen.Web.Security;

namespace NexGen.Web.Api;

/// <summary>
/// <c>/runs</c>: start a forecast, backtest or refresh run (202 with its id; 409 while a forecast runs), follow it,
/// cancel it. Forecasts go through <see cref="ForecastService"/>, the single entry point the pages and the CLI use too;
/// a refresh (sources, forecast, replenishment) through <see cref="RefreshService"/>, as the scheduler does.
/// </summary>
public static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/runs").WithTags("Runs");
        runs.MapPost("/", StartAsync).RequireAuthorization(Policies.Planner)
            .WithSummary("Start a forecast or backtest run; 409 while a run is in progress");
        runs.MapGet("/", ListAsync).RequireAuthorization(Policies.Viewer).WithSummary("The most recent runs, newest first");
        runs.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.Viewer).WithSummary("A run's status, progress and metrics");
        runs.MapDelete("/{id:long}", CancelAsync).RequireAuthorization(Policies.Planner).WithSummary("Cancel the run in progress");
        return api;
    }

    static async Task<Results<Accepted<RunResponse>, ProblemHttpResult, ValidationProblem>> StartAsync(
        RunRequestBody? body, ClaimsPrincipal user, ForecastService service, RefreshService refresh, RunStore store, AuditLog audit,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (body is null)
            return ApiProblems.BadRequest("Send a JSON body such as {\"kind\": \"forecast\", \"horizon\": 13}.");
        var kind = errors.OneOf("kind", body.Kind, "forecast", "forecast", "backtest", "refresh");
        if (body.Horizon is not { } horizon || horizon < 1 || horizon > ForecastService.MaxHorizon)
            errors.Add("horizon", $"Required: a whole number of periods from 1 to {ForecastService.MaxHorizon}.");
        if (body.Windows is { } w && (kind != "backtest" || w < 1 || w > ForecastService.MaxWindows))
            errors.Add("windows", kind == "backtest" ? $"Must be from 1 to {ForecastService.MaxWindows}." : "Only a backtest has windows.");
        if (body.Retrain is not null && kind != "refresh")
            errors.Add("retrain", "Only a refresh has retrain (true: train a new model; false: forecast with the active one).");
        var cutoff = errors.Date("cutoff", body.Cutoff);
        if (cutoff is not null && kind == "refresh")
            errors.Add("cutoff", "A refresh forecasts from the latest data; it takes no cutoff.");
        if (errors.Any)
            return errors.ToProblem();

        long id;
        try
        {
            id = kind switch
            {
                "backtest" => (await service.StartBacktestAsync(new BacktestRunRequest(body.Horizon!.Value, body.Windows ?? 1, cutoff, "api"), CancellationToken.None)).Id,
                "refresh" => await StartRefreshAsync(service, refresh, new RefreshRequest(body.Retrain ?? true, "api", body.Horizon!.Value)),
                _ => (await service.StartAsync(new ForecastRunRequest(body.Horizon!.Value, cutoff, "api"), CancellationToken.None)).Id,
            };
        }
        catch (RunInProgressException e)
        {
            return ApiProblems.Conflict(e.Message, new Dictionary<string, object?> { ["runId"] = e.RunId });
        }
        await audit.RecordAsync(Actors.Of(user), "run.start", $"run {id}", $"{kind}, horizon {body.Horizon}", CancellationToken.None);
        var run = (await store.FindAsync(id, cancellationToken))!;
        return TypedResults.Accepted($"/api/v1/runs/{id}", RunResponse.From(run, service.Current));
    }

    /// <summary>
    /// Starts a refresh in the background, refused while a forecast or another refresh runs (the refresh service's
    /// one-at-a-time gate, which the scheduler's refresh queues at instead); a transient failure is not retried here:
    /// the caller sees it in the run and may start it again.
    /// </summary>
    static async Task<long> StartRefreshAsync(ForecastService service, RefreshService refresh, RefreshRequest request)
    {
        if (refresh.Running is { } refreshing)
            throw new RunInProgressException(refreshing, "Refresh");
        if (service.Current is { } running)
            throw new RunInProgressException(running.RunId);
        return (await refresh.StartAsync(request, finalAttempt: true, waitForOthers: false, CancellationToken.None)).Id;
    }

    static async Task<Ok<IReadOnlyList<RunResponse>>> ListAsync(RunStore store, ForecastService service, CancellationToken cancellationToken)
    {
        var runs = await store.RecentAsync(100, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RunResponse>>(runs.Select(r => RunResponse.From(r, service.Current)).ToList());
    }

    static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> GetAsync(long id, RunStore store, ForecastService service, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } run
            ? TypedResults.Ok(RunResponse.From(run, service.Current))
            : ApiProblems.NotFound($"There is no run {id}.");

    static async Task<Results<Accepted<RunResponse>, ProblemHttpResult>> CancelAsync(
        long id, ClaimsPrincipal user, RunStore store, ForecastService service, AuditLog audit, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } run)
            return ApiProblems.NotFound($"There is no run {id}.");
        if (!service.Cancel(id))
            return ApiProblems.Conflict($"Run {id} is not running ({run.Status}).");
        await audit.RecordAsync(Actors.Of(user), "run.cancel", $"run {id}", null, CancellationToken.None);
        return TypedResults.Accepted($"/api/v1/runs/{id}", RunResponse.From(run, service.Current));
    }
}
