using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace NexGen.Web.Components.Layout;

/// <summary>
/// Catches what a page did not (an exception while rendering or in an event handler) so that the circuit lives on:
/// the reason shows as a snackbar and in place of the page, with Try again; the app bar and the drawer stay, and
/// going to another page starts afresh. Without it Blazor ends the circuit and the browser shows the reconnect overlay.
/// </summary>
public sealed partial class PageErrorBoundary : IDisposable
{
    [Inject] ISnackbar Snackbar { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [Inject] ILogger<PageErrorBoundary> Logger { get; set; } = default!;

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    protected override Task OnErrorAsync(Exception exception)
    {
        Logger.LogError(exception, "A page failed at {Uri}", Navigation.Uri);
        Snackbar.Add($"Something went wrong: {exception.Message}", Severity.Error, options => options.RequireInteraction = true);
        return Task.CompletedTask;
    }

    void OnLocationChanged(object? sender, LocationChangedEventArgs args)
    {
        if (CurrentException is not null)
            _ = InvokeAsync(Recover);
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
