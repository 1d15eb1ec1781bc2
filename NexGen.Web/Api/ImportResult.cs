using NexGen.Core.Ingestion;

namespace NexGen.Web.Api;

/// <summary>The answer to an accepted import: its id in the import history and its report.</summary>
public sealed record ImportResult(long ImportId, ImportReport Report);
