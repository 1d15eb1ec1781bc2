using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NexGen.Core.Store;
using Quartz;

namespace NexGen.Web.Api;

/// <summary>
/// <c>/health</c> (the process answers) and <c>/health/ready</c> (the store answers a query), for load balancers and
/// orchestrators; both anonymous. Ready needs the store to answer and the scheduler to be running.
/// </summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        var health = api.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("/", () => TypedResults.Ok(new HealthResponse("live", null))).WithSummary("Liveness: the app answers");
        health.MapGet("/ready", ReadyAsync).WithSummary("Readiness: the store is reachable and the scheduler runs");
        return api;
    }

    static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> ReadyAsync(DuckDbStore store, ISchedulerFactory schedulers,
        ILogger<HealthResponse> logger, CancellationToken cancellationToken)
    {
        try
        {
            using (var connection = store.Open())
                connection.ExecuteScalar<int>("SELECT 1");
            var scheduler = (await schedulers.GetScheduler(cancellationToken)).Status;
            if (scheduler != SchedulerStatus.Running)
                return TypedResults.Problem($"The scheduler is {scheduler.ToString().ToLowerInvariant()}, not running.",
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
            return TypedResults.Ok(new HealthResponse("ready", new Dictionary<string, string> { ["store"] = "ok", ["scheduler"] = "running" }));
        }
        catch (Exception e) when (e is DuckDB.NET.Data.DuckDBException or StoreLockedException or IOException)
        {
            logger.LogWarning(e, "Readiness check failed: the store is not reachable");
            return TypedResults.Problem("The store is not reachable.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
        }
    }
}
