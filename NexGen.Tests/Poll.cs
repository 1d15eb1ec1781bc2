namespace NexGen.Tests;

/// <summary>Waits for something another thread or process does in its own time (a queued write, a periodic check).</summary>
public static class Poll
{
    /// <summary>Checks <paramref name="condition"/> every 100 ms until it holds; fails the test with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Still not true after {timeout.TotalSeconds:0.#} s: {what}");
            await Task.Delay(100);
        }
    }
}
