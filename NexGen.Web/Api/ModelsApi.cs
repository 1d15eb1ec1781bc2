using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NexGen.Core.Security;
using NexGen.Core.Store;
using NexGen.Web.Security;

namespace NexGen.Web.Api;

/// <summary><c>/models</c>: the model registry; a planner promotes (approves) a model, which the audit log records.</summary>
public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/models").WithTags("Models");
        models.MapGet("/", ListAsync).RequireAuthorization(Policies.Viewer).WithSummary("Every registered model, newest first");
        models.MapPost("/{id:long}/promote", PromoteAsync).RequireAuthorization(Policies.Planner).WithSummary("Make a model the active one");
        return api;
    }

    static async Task<Ok<IReadOnlyList<ModelResponse>>> ListAsync(ModelRegistry registry, CancellationToken cancellationToken)
    {
        var models = await registry.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ModelResponse>>(models.Select(m => ModelResponse.From(m.Model, m.Active)).ToList());
    }

    static async Task<Results<Ok<ModelResponse>, ProblemHttpResult>> PromoteAsync(
        long id, ClaimsPrincipal user, ModelRegistry registry, AuditLog audit, CancellationToken cancellationToken)
    {
        try
        {
            await registry.PromoteAsync(id, cancellationToken: cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return ApiProblems.NotFound($"There is no model {id}.");
        }
        await audit.RecordAsync(Actors.Of(user), "model.promote", $"model {id}", null, CancellationToken.None);
        var active = (await registry.ActiveAsync(cancellationToken))!;
        return TypedResults.Ok(ModelResponse.From(active, true));
    }
}
