using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NexGen.Core.Store;
using Quartz;

namespace NexGen.Web.Api;

/// <summary>
/// ASP.NET health checks for load balancers and orchestrators, anonymous and outside the API's rate limit:
/// <c>/health</c> (liveness: the process answers) and <c>/health/ready</c> (readiness: the store answers a query and
/// the scheduler runs; 503 otherwise). Both answer <see cref="HealthResponse"/> as JSON.
/// </summary>
public static class HealthApi
{
    const string Ready = "ready";

    public static IServiceCollection AddNexGenHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreCheck>("store", tags: [Ready])
            .AddCheck<SchedulerCheck>("scheduler", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapNexGenHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = (c, _) => WriteAsync(c, "live", null) })
            .AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = (context, report) => WriteAsync(context, report.Status == HealthStatus.Healthy ? Ready : "not ready",
                report.Entries.ToDictionary(e => e.Key, e => e.Value.Description ?? e.Value.Status.ToString().ToLowerInvariant())),
        }).AllowAnonymous();
        return endpoints;
    }

    static Task WriteAsync(HttpContext context, string status, IReadOnlyDictionary<string, string>? checks)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new HealthResponse(status, checks), JsonSerializerOptions.Web));
    }

    sealed class StoreCheck(DuckDbStore store, ILogger<StoreCheck> logger) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var connection = store.Open();
                connection.ExecuteScalar<int>("SELECT 1");
                return Task.FromResult(HealthCheckResult.Healthy("ok"));
            }
            catch (Exception e) when (e is DuckDB.NET.Data.DuckDBException or StoreLockedException or IOException)
            {
                logger.LogWarning(e, "Readiness check failed: the store is not reachable");
                return Task.FromResult(HealthCheckResult.Unhealthy("not reachable"));
            }
        }
    }

    sealed class SchedulerCheck(ISchedulerFactory schedulers) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var status = (await schedulers.GetScheduler(cancellationToken)).Status;
            var text = status.ToString().ToLowerInvariant();
            return status == SchedulerStatus.Running ? HealthCheckResult.Healthy(text) : HealthCheckResult.Unhealthy(text);
        }
    }
}
