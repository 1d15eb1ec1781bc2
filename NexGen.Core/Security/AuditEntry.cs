namespace NexGen.Core.Security;

/// <summary>A row of <c>audit_log</c>: who did what to which thing, and when (UTC).</summary>
/// <param name="Actor">Who: <c>user:NAME</c>, <c>key:ID (NAME)</c>, <c>cli:OS-USER</c> or <c>local</c> (authentication off on loopback).</param>
/// <param name="Action">What, e.g. <c>import</c>, <c>run.start</c>, <c>run.cancel</c>, <c>model.promote</c>, <c>key.create</c>.</param>
/// <param name="Target">Which thing, e.g. <c>import 12</c>, <c>run 4</c>, <c>model 3</c>.</param>
/// <param name="Details">Anything else worth keeping (never a secret).</param>
public sealed record AuditEntry(long Id, DateTime At, string Actor, string Action, string? Target, string? Details);
