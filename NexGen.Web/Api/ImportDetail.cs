using System.Text.Json;

namespace NexGen.Web.Api;

/// <summary>One import with its full report (the JSON the importer stored).</summary>
public sealed record ImportDetail(ImportSummary Import, JsonElement Report);
