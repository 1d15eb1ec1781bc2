namespace NexGen.Web.Services;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls back on the reporting thread. Unlike <see cref="Progress{T}"/> it
/// queues nothing, so a fast import cannot flood a circuit; the receiver decides when to render.
/// </summary>
public sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
