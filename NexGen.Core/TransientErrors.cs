using System.Data.Common;
using NexGen.Core.Jobs;
using NexGen.Core.Store;

namespace NexGen.Core;

/// <summary>Which failures may pass by themselves, so a retry later can succeed.</summary>
public static class TransientErrors
{
    /// <summary>
    /// A database that reports the error as transient or cannot be reached, a timeout, a network error, or the store
    /// held by another process. Bad data, bad settings and bugs are not transient: retrying cannot fix them.
    /// </summary>
    public static bool IsTransient(Exception error) => error switch
    {
        DbException db => db.IsTransient || db.InnerException is System.Net.Sockets.SocketException or TimeoutException,
        TimeoutException or System.Net.Sockets.SocketException or HttpRequestException or StoreLockedException => true,
        RefreshFailedException refresh => refresh.Transient,
        _ => error.InnerException is { } inner && IsTransient(inner),
    };
}
