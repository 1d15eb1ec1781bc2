using System.Threading.Channels;
using NexGen.Core.Security;

namespace NexGen.Web.Services;

/// <summary>
/// Audit entries written off the request path, in order, by one background writer: sign-ins and sign-outs, which anyone
/// can send and must not wait for the store's write lock. Entries still queued when the app stops are written before it
/// ends. A queue that fills up (the store unwritable while a flood of failed sign-ins arrives) drops new entries and
/// logs how many.
/// </summary>
public sealed class AuditQueue(AuditLog audit, ILogger<AuditQueue> logger) : BackgroundService
{
    public const int Capacity = 10_000;

    readonly Channel<(string Actor, string Action, string? Target, string? Details)> _entries =
        Channel.CreateBounded<(string, string, string?, string?)>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });

    long _dropped;

    /// <summary>Queues an entry stamped when it is written (within moments); never blocks.</summary>
    public void Enqueue(string actor, string action, string? target = null, string? details = null)
    {
        if (!_entries.Writer.TryWrite((actor, action, target, details)) && Interlocked.Increment(ref _dropped) % 1_000 == 1)
            logger.LogWarning("The audit queue is full: {Dropped} entries dropped so far (latest {Action} by {Actor})", Interlocked.Read(ref _dropped), action, actor);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Reads until StopAsync completes the queue, so that what was queued before the stop is written.
        await foreach (var (actor, action, target, details) in _entries.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await audit.RecordAsync(actor, action, target, details, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not audit {Action} on {Target} by {Actor}", action, target, actor);
            }
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _entries.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }
}
