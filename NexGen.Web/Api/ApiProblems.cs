using Microsoft.AspNetCore.Http.HttpResults;

namespace NexGen.Web.Api;

/// <summary>The API's error responses: RFC 7807 problem details, never a stack trace.</summary>
static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", extensions: extensions);

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem($"The request body is larger than the limit of {limit} bytes (NexGen:MaxUploadBytes).",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large");

    public static ProblemHttpResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request", extensions: extensions);

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
}
