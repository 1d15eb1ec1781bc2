using System.Collections.Concurrent;

namespace NexGen.Web.Security;

/// <summary>
/// A growing lockout after failed sign-ins, per user name and per client address (so neither guessing one name from
/// many places nor many names from one place gets far): from the <see cref="FreeFailures"/>th failure in a row, the
/// key is locked for 2, 4, 8, ... seconds, at most <see cref="MaxLockout"/>. A success clears its user name and address;
/// past <see cref="MaxTracked"/> keys, those idle for longer than <see cref="MaxLockout"/> are forgotten, so a spray of
/// made-up names cannot grow the table without end.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan MaxLockout = TimeSpan.FromMinutes(15);
    public const int MaxTracked = 10_000;

    readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset LockedUntil)> _keys = new(StringComparer.Ordinal);

    /// <summary>How long the client must wait before trying again; zero when it may try now.</summary>
    public TimeSpan Wait(string? name, string address)
    {
        var now = clock.GetUtcNow();
        var wait = TimeSpan.Zero;
        foreach (var key in Keys(name, address))
            if (_keys.TryGetValue(key, out var state) && state.LockedUntil > now && state.LockedUntil - now > wait)
                wait = state.LockedUntil - now;
        return wait;
    }

    /// <summary>Keys with failures on record.</summary>
    public int Tracked => _keys.Count;

    public void Failed(string? name, string address)
    {
        var now = clock.GetUtcNow();
        if (_keys.Count >= MaxTracked)
            foreach (var (key, state) in _keys)
                if (state.LockedUntil + MaxLockout < now)
                    _keys.TryRemove(key, out _);
        foreach (var key in Keys(name, address))
            _keys.AddOrUpdate(key, _ => Next(0, now), (_, state) => Next(state.Failures, now));
    }

    public void Succeeded(string? name, string address)
    {
        foreach (var key in Keys(name, address))
            _keys.TryRemove(key, out _);
    }

    static (int, DateTimeOffset) Next(int failures, DateTimeOffset now)
    {
        var count = failures + 1;
        if (count < FreeFailures)
            return (count, now);
        var seconds = Math.Min(MaxLockout.TotalSeconds, Math.Pow(2, count - FreeFailures + 1));
        return (count, now + TimeSpan.FromSeconds(seconds));
    }

    static IEnumerable<string> Keys(string? name, string address)
    {
        yield return "ip:" + address;
        if (name is { Length: > 0 })
            yield return "user:" + name.Trim().ToLowerInvariant();
    }
}
