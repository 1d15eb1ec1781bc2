namespace NexGen.Web.Services;

/// <summary>
/// The location the user chose in the app bar, shared by every page of one circuit (a scoped service: each browser tab
/// has its own). Null means all locations. Pages read <see cref="Location"/> when they load and reload on <see cref="Changed"/>.
/// </summary>
public sealed class LocationFilter
{
    /// <summary>The chosen location; null for all locations.</summary>
    public string? Location { get; private set; }

    /// <summary>Raised on the circuit's thread after <see cref="Location"/> changed.</summary>
    public event Func<Task>? Changed;

    /// <summary>Chooses a location (null for all) and tells the pages that follow it.</summary>
    public async Task SetAsync(string? location)
    {
        if (location == Location)
            return;
        Location = location;
        if (Changed is { } changed)
            foreach (var handler in changed.GetInvocationList().Cast<Func<Task>>())
                await handler();
    }
}
