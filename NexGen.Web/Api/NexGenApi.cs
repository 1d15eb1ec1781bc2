namespace NexGen.Web.Api;

/// <summary>The REST API under <c>/api/v1</c>, rate limited per API key or IP address; one <c>MapXyzApi</c> per area.</summary>
public static class NexGenApi
{
    public const string RateLimitPolicy = "api";

    public static IEndpointRouteBuilder MapNexGenApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1")
            .RequireRateLimiting(RateLimitPolicy)
            .MapHealthApi()
            .MapImportsApi()
            .MapRunsApi()
            .MapForecastsApi()
            .MapModelsApi()
            .MapReplenishmentApi();
        return app;
    }
}
