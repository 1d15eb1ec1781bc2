using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NexGen.Core.Replenishment;
using NexGen.Core.Security;
using NexGen.Core.Store;
using NexGen.Web.Security;

namespace NexGen.Web.Api;

/// <summary>
/// <c>/replenishment</c> (the latest replenishment run with its purchase-order lines; POST runs a new one) and
/// <c>/alerts</c> (its alerts, critical first, then by value at risk).
/// </summary>
public static class ReplenishmentApi
{
    public static RouteGroupBuilder MapReplenishmentApi(this RouteGroupBuilder api)
    {
        var replenishment = api.MapGroup("/replenishment").WithTags("Replenishment");
        replenishment.MapGet("/", LatestAsync).RequireAuthorization(Policies.Viewer)
            .WithSummary("The latest replenishment run and its order lines (optionally for one location, SKU or status)");
        replenishment.MapPost("/", RunAsync).RequireAuthorization(Policies.Planner)
            .WithSummary("Plan replenishment now on the active forecast and the latest inventory");
        api.MapGet("/alerts", AlertsAsync).RequireAuthorization(Policies.Viewer).WithTags("Replenishment")
            .WithSummary("The latest replenishment run's alerts, critical first, then by value at risk");
        return api;
    }

    static async Task<Results<Ok<ReplenishmentResponse>, ProblemHttpResult, ValidationProblem>> LatestAsync(
        string? location, string? sku, string? status, ReplenishmentStore store, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        location = errors.Key("location", location);
        sku = errors.Key("sku", sku);
        var state = status is null ? null : errors.OneOf("status", status, PurchaseOrderLine.StatusSuggested,
            PurchaseOrderLine.StatusSuggested, PurchaseOrderLine.StatusApproved, PurchaseOrderLine.StatusExported);
        if (errors.Any)
            return errors.ToProblem();
        if (await store.LatestRunAsync(cancellationToken) is not { } run)
            return ApiProblems.NotFound("There is no replenishment run yet: POST /api/v1/replenishment after a forecast.");
        var lines = await store.PurchaseOrderLinesAsync(run.Id, state, new PurchaseOrderFilter { Location = location, Sku = sku }, cancellationToken);
        return TypedResults.Ok(new ReplenishmentResponse(run, lines));
    }

    static async Task<Results<Created<ReplenishmentRunRecord>, ProblemHttpResult>> RunAsync(
        ClaimsPrincipal user, ReplenishmentService service, AuditLog audit, CancellationToken cancellationToken)
    {
        try
        {
            var (run, _) = await service.RunAsync(cancellationToken: cancellationToken);
            await audit.RecordAsync(Actors.Of(user), "replenishment.run", $"replenishment run {run.Id}", $"as of {run.AsOf:yyyy-MM-dd}", CancellationToken.None);
            return TypedResults.Created("/api/v1/replenishment", run);
        }
        catch (InvalidOperationException e)
        {
            return ApiProblems.Conflict(e.Message);
        }
    }

    static async Task<Results<Ok<AlertsResponse>, ProblemHttpResult, ValidationProblem>> AlertsAsync(
        string? top, ReplenishmentStore store, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var count = errors.Number("top", top, 50, 1, 10_000);
        if (errors.Any)
            return errors.ToProblem();
        if (await store.LatestRunAsync(cancellationToken) is not { } run)
            return ApiProblems.NotFound("There is no replenishment run yet: POST /api/v1/replenishment after a forecast.");
        return TypedResults.Ok(new AlertsResponse(run.Id, run.AsOf, run.Alerts, await store.AlertsAsync(run.Id, (int)count, cancellationToken)));
    }
}

/// <summary>A replenishment run and its purchase-order lines.</summary>
public sealed record ReplenishmentResponse(ReplenishmentRunRecord Run, IReadOnlyList<PurchaseOrderLine> Lines);

/// <summary>A replenishment run's alerts: how many there are and the first <c>top</c>.</summary>
public sealed record AlertsResponse(long RunId, DateOnly AsOf, int Total, IReadOnlyList<ReplenishmentAlert> Alerts);
