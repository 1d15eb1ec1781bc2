using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NexGen.Core;
using NexGen.Core.Ingestion;
using NexGen.Core.Security;
using NexGen.Core.Store;
using NexGen.Web.Extensions;
using NexGen.Web.Security;
using NexGen.Web.Services;

namespace NexGen.Web.Api;

/// <summary>
/// <c>/imports</c>: upload a CSV file (multipart or the raw body) into the table of a kind, and read the import history.
/// An upload is spooled to a temporary file (never held in memory), imported all or nothing, and audited.
/// </summary>
public static class ImportsApi
{
    const int BufferSize = 256 * 1024;

    static readonly string[] RawTypes = ["text/csv", "text/plain", "application/csv", "application/octet-stream", "application/gzip"];

    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");
        imports.MapPost("/{kind}", ImportAsync).RequireAuthorization(Policies.Planner)
            .Accepts<IFormFile>("multipart/form-data", RawTypes)
            .WithSummary("Import a CSV file (multipart field 'file' or the raw body) into the table of a kind")
            .WithDescription("Kinds: sales, products, inventory, promotions, events, locations, exogenous. Optional column mapping, e.g. mapping=Store=location,Dept=sku. " +
                "Products, inventory and locations update the columns the file has and keep the others; replaceRows=true replaces whole rows.");
        imports.MapGet("/", ListAsync).RequireAuthorization(Policies.Viewer).WithSummary("The most recent imports, newest first");
        imports.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.Viewer).WithSummary("One import with its full report");
        return api;
    }

    /// <summary>The services an import needs.</summary>
    public sealed record ImportServices(CsvImporter Importer, ImportNotifier Notifier, AuditLog Audit, IOptions<NexGenOptions> Options, TempFiles Temp);

    static async Task<Results<Created<ImportResult>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        string kind, string? mapping, string? fileName, bool? replaceRows, HttpRequest request, ClaimsPrincipal user,
        [AsParameters] ImportServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var dataKind = ParseKind(kind, errors);
        ColumnMapping? columns = null;
        try
        {
            columns = mapping is null ? null : ColumnMapping.Parse(mapping);
        }
        catch (FormatException e)
        {
            errors.Add("mapping", e.Message);
        }
        if (fileName is not null && SafeFileName(fileName) is null)
            errors.Add("fileName", "Must name a file: 1 to 200 characters without control characters.");
        if (errors.Any)
            return errors.ToProblem();

        var limit = services.Options.Value.MaxUploadBytes;
        if (request.ContentLength > limit)
            return ApiProblems.TooLarge(limit);
        var spool = services.Temp.NewPath("api-upload", "tmp");
        try
        {
            var (problem, uploadedName) = await SpoolAsync(request, spool, limit, cancellationToken);
            if (problem is not null)
                return problem;
            if (new FileInfo(spool).Length == 0)
            {
                errors.Add("file", "The file is empty.");
                return errors.ToProblem();
            }
            var name = SafeFileName(fileName ?? uploadedName) ?? "upload.csv";
            var options = services.Options.Value.ToImportOptions() with { ReplaceRows = replaceRows ?? false };
            var import = new ImportRequest(dataKind!.Value, spool, columns, options, name);
            var report = await services.Importer.ImportAsync(import, cancellationToken: cancellationToken);
            services.Notifier.NotifyImportFinished();
            await services.Audit.RecordAsync(Actors.Of(user), "import", $"import {report.ImportId}",
                $"{report.Kind} {report.FileName}: {report.Status}, {report.RowsImported} rows", CancellationToken.None);
            var result = new ImportResult(report.ImportId!.Value, report);
            if (report.Status == ImportStatus.Succeeded)
                return TypedResults.Created($"/api/v1/imports/{report.ImportId}", result);
            return ApiProblems.BadRequest(report.Message, new Dictionary<string, object?> { ["importId"] = report.ImportId, ["report"] = report });
        }
        finally
        {
            File.Delete(spool);
        }
    }

    /// <summary>Copies the uploaded file to <paramref name="path"/>; a problem when the body is not a file or too large.</summary>
    static async Task<(ProblemHttpResult? Problem, string? FileName)> SpoolAsync(HttpRequest request, string path, long limit, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.MediaType.Value is not { } media)
            return (ApiProblems.UnsupportedMediaType("Send the file as multipart/form-data (field 'file') or as the raw body with Content-Type text/csv."), null);
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            if (media.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                return await SpoolMultipartAsync(request, type, target, limit, cancellationToken);
            if (!RawTypes.Contains(media, StringComparer.OrdinalIgnoreCase))
                return (ApiProblems.UnsupportedMediaType($"Content-Type {media} is not accepted: use multipart/form-data or one of {string.Join(", ", RawTypes)}."), null);
            return await CopyAsync(request.Body, target, limit, cancellationToken) ? (null, null) : (ApiProblems.TooLarge(limit), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (ApiProblems.TooLarge(limit), null);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException)
        {
            return (ApiProblems.BadRequest($"The request body could not be read: {e.Message}"), null);
        }
    }

    static async Task<(ProblemHttpResult? Problem, string? FileName)> SpoolMultipartAsync(
        HttpRequest request, MediaTypeHeaderValue type, Stream target, long limit, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
            return (ApiProblems.BadRequest("The multipart Content-Type needs a boundary of 1 to 70 characters."), null);
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.IsFileDisposition() || !string.Equals(disposition.Name.Value, "file", StringComparison.Ordinal))
                continue;
            var name = disposition.FileNameStar.Value ?? disposition.FileName.Value;
            return await CopyAsync(section.Body, target, limit, cancellationToken) ? (null, HeaderUtilities.RemoveQuotes(name).Value) : (ApiProblems.TooLarge(limit), null);
        }
        return (ApiProblems.BadRequest("The multipart body has no file field named 'file'."), null);
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes; false when the source has more.</summary>
    static async Task<bool> CopyAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
                return false;
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return true;
    }

    /// <summary>The name shown in reports: the last path segment only (no folders), or null when nothing usable is left.</summary>
    static string? SafeFileName(string? name)
    {
        if (name is null)
            return null;
        var last = name.Replace('\\', '/').Split('/').LastOrDefault()?.Trim();
        return last is { Length: > 0 and <= 200 } && last is not "." and not ".." && !last.Any(char.IsControl) ? last : null;
    }

    static DataKind? ParseKind(string text, FieldErrors errors)
    {
        if (text.All(char.IsAsciiLetter) && Enum.TryParse<DataKind>(text, ignoreCase: true, out var kind))
            return kind;
        errors.Add("kind", $"Must be one of {string.Join(", ", Enum.GetNames<DataKind>().Select(n => n.ToLowerInvariant()))}.");
        return null;
    }

    static async Task<Ok<IReadOnlyList<ImportSummary>>> ListAsync(ImportHistory history, CancellationToken cancellationToken)
    {
        var imports = await history.RecentAsync(100, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ImportSummary>>(imports.Select(ImportSummary.From).ToList());
    }

    static async Task<Results<Ok<ImportDetail>, ProblemHttpResult>> GetAsync(long id, ImportHistory history, CancellationToken cancellationToken)
    {
        if (await history.FindAsync(id, cancellationToken) is not { } audit)
            return ApiProblems.NotFound($"There is no import {id}.");
        using var report = JsonDocument.Parse(audit.Report);
        return TypedResults.Ok(new ImportDetail(ImportSummary.From(audit), report.RootElement.Clone()));
    }
}
