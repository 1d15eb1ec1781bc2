namespace NexGen.Web.Api;

/// <summary>
/// The REST API under <c>/api/v1</c>, rate limited per API key or IP address, one <c>MapXyzApi</c> per area; and the
/// health checks beside it (<c>/health</c>, <c>/health/ready</c>), outside the limit.
/// </summary>
public static class NexGenApi
{
    public const string RateLimitPolicy = "api";

    public static IEndpointRouteBuilder MapNexGenApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1")
            .RequireRateLimiting(RateLimitPolicy)
            .MapImportsApi()
            .MapRunsApi()
            .MapForecastsApi()
            .MapModelsApi()
            .MapReplenishmentApi();
        app.MapNexGenHealthChecks();
        return app;
    }
}
