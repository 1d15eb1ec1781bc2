using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NexGen.Core.Store;

namespace NexGen.Web.Api;

/// <summary>
/// <c>/health</c> (the process answers) and <c>/health/ready</c> (the store answers a query), for load balancers and
/// orchestrators; both anonymous. The scheduler joins readiness when there is one.
/// </summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        var health = api.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("/", () => TypedResults.Ok(new HealthResponse("live", null))).WithSummary("Liveness: the app answers");
        health.MapGet("/ready", Ready).WithSummary("Readiness: the store is reachable");
        return api;
    }

    static Results<Ok<HealthResponse>, ProblemHttpResult> Ready(DuckDbStore store, ILogger<HealthResponse> logger)
    {
        try
        {
            using var connection = store.Open();
            connection.ExecuteScalar<int>("SELECT 1");
            return TypedResults.Ok(new HealthResponse("ready", new Dictionary<string, string> { ["store"] = "ok", ["scheduler"] = "none" }));
        }
        catch (Exception e) when (e is DuckDB.NET.Data.DuckDBException or StoreLockedException or IOException)
        {
            logger.LogWarning(e, "Readiness check failed: the store is not reachable");
            return TypedResults.Problem("The store is not reachable.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
        }
    }
}
