using NexGen.Core.Security;

namespace NexGen.Web.Services;

/// <summary>Audit entries written after the fact: the action has happened, so a failure to record it is logged, not thrown.</summary>
public static class AuditLogExtensions
{
    /// <summary>Records <paramref name="action"/> by <paramref name="actor"/>, off the caller's thread; logs a failure to <paramref name="logger"/>.</summary>
    public static async Task TryRecordAsync(this AuditLog audit, ILogger logger, string actor, string action, string? target, string? details = null)
    {
        try
        {
            await Task.Run(() => audit.RecordAsync(actor, action, target, details, CancellationToken.None));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not audit {Action} on {Target} by {Actor}", action, target, actor);
        }
    }
}
