using System.Diagnostics;
using System.Globalization;

namespace NexGen.Core.Store;

/// <summary>
/// The process a run belongs to, recorded with the run as <c>machine/pid/start</c> (the start time tells a live process
/// from a later one that reuses its id). A process on this machine is checked directly; one on another machine (a
/// shared volume) is judged by the run's heartbeat, which <see cref="RunStore.KeepAlive"/> renews every
/// <see cref="RunStore.HeartbeatInterval"/>.
/// </summary>
public static class RunOwner
{
    /// <summary>This process.</summary>
    public static string Current { get; } = Of(Process.GetCurrentProcess());

    /// <summary>
    /// Whether the process <paramref name="owner"/> names is known to have ended: on this machine, no process has its
    /// id and start time; elsewhere, its heartbeat is older than <paramref name="staleAfter"/>. A run recorded before
    /// owners were (no owner) has ended.
    /// </summary>
    public static bool IsGone(string? owner, DateTime? heartbeat, DateTime now, TimeSpan staleAfter)
    {
        if (owner?.Split('/') is not [var machine, var pidText, var startText]
            || !int.TryParse(pidText, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(startText, CultureInfo.InvariantCulture, out var start))
            return true;
        if (!string.Equals(machine, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
            return heartbeat is not { } beat || now - beat > staleAfter;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || StartTicks(process) != start;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return true;
        }
    }

    /// <summary>The owner string of <paramref name="process"/>, a process of this machine.</summary>
    public static string Of(Process process) =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{process.Id}/{StartTicks(process)}");

    /// <summary>A process's start time, to the second (UTC ticks): what the system reports for it is stable at that precision.</summary>
    static long StartTicks(Process process) =>
        process.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
}
