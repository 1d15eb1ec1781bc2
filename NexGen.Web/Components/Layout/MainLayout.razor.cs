using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Catalog;
using NexGen.Core.Store;
using NexGen.Web.Services;

namespace NexGen.Web.Components.Layout;

/// <summary>
/// The app's frame: app bar (location filter, theme toggle), navigation drawer, and the MudBlazor providers. The
/// location filter is the circuit's <see cref="LocationFilter"/>; its choices are the locations with sales.
/// </summary>
public sealed partial class MainLayout : IDisposable
{
    /// <summary>The select's value for "no filter" (a select item cannot have a null value).</summary>
    const string AllLocations = "";

    readonly MudTheme _theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1E5AA8", AppbarBackground = "#1E5AA8" },
        PaletteDark = new PaletteDark { Primary = "#7AA7E8" },
    };

    [Inject] LocationFilter Filter { get; set; } = default!;
    [Inject] ProductCatalog Catalog { get; set; } = default!;
    [Inject] ImportNotifier Notifier { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;
    [Inject] ILogger<MainLayout> Logger { get; set; } = default!;

    IReadOnlyList<string> _locations = [];
    bool _drawerOpen = true;
    bool _darkMode;
    readonly CancellationTokenSource _disposed = new();

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
            return;
        Notifier.ImportFinished += OnImportFinished;
        await LoadLocationsAsync();
    }

    async Task LoadLocationsAsync()
    {
        try
        {
            _locations = await Task.Run(() => Catalog.LocationsAsync(_disposed.Token));
        }
        catch (Exception e) when (!_disposed.IsCancellationRequested)
        {
            Logger.LogError(e, "Could not read the locations");
            Snackbar.Add($"Could not read the locations: {e.Message}", Severity.Error);
        }
        catch (OperationCanceledException)
        {
            // The circuit is gone.
        }
    }

    void OnImportFinished() => _ = InvokeAsync(async () =>
    {
        await LoadLocationsAsync();
        StateHasChanged();
    });

    Task OnLocationChangedAsync(string value) => Filter.SetAsync(value == AllLocations ? null : value);

    void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    void ToggleTheme() => _darkMode = !_darkMode;

    public void Dispose()
    {
        Notifier.ImportFinished -= OnImportFinished;
        _disposed.Cancel();
    }
}
