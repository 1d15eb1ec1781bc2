using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;
using NexGen.Web.Services;

namespace NexGen.Web.Components.Shared;

/// <summary>
/// The top alerts of the latest replenishment run, by value at risk. "Check stock now" goes through
/// <see cref="StockCheckRunner"/>, like the Replenishment page (one check at a time for the whole app, in the
/// background); the card follows every run recorded by anyone through <see cref="ReplenishmentService.RunRecorded"/>.
/// </summary>
public sealed partial class TopAlertsCard : IDisposable
{
    /// <summary>Alerts shown.</summary>
    const int Top = 10;

    const string CliCommand = "dotnet run --project NexGen.Cli -- replenish";

    [Inject] ReplenishmentStore Replenishments { get; set; } = default!;
    [Inject] ReplenishmentService Service { get; set; } = default!;
    [Inject] StockCheckRunner Checker { get; set; } = default!;
    [Inject] PageAudit Audit { get; set; } = default!;
    [Inject] ILogger<TopAlertsCard> Logger { get; set; } = default!;

    ReplenishmentRunRecord? _run;
    IReadOnlyList<ReplenishmentAlert> _alerts = [];
    bool _loaded;
    string? _error;
    readonly CancellationTokenSource _disposed = new();

    protected override async Task OnInitializedAsync()
    {
        // The prerendered page shows the layout only: the live circuit reads the store (once, not twice).
        if (!RendererInfo.IsInteractive)
            return;
        Checker.Changed += OnCheckerChanged;
        Service.RunRecorded += OnRunRecorded;
        await LoadAsync();
    }

    async Task LoadAsync()
    {
        try
        {
            (_run, _alerts) = await Task.Run(async () =>
            {
                var run = await Replenishments.LatestRunAsync(_disposed.Token);
                return (run, run is null ? [] : await Replenishments.AlertsAsync(run.Id, Top, _disposed.Token));
            });
        }
        catch (Exception e) when (!_disposed.IsCancellationRequested)
        {
            Logger.LogError(e, "Could not read the latest replenishment run");
            _error = $"Could not read the alerts: {e.Message}";
        }
        catch (OperationCanceledException)
        {
            // The page is gone.
        }
        _loaded = true;
    }

    /// <summary>Checks stock in the background; its alerts show when the run is recorded, a missing forecast or inventory in the card.</summary>
    async Task CheckStockAsync()
    {
        _error = null;
        var check = Checker.TryStart(await Audit.ActorAsync());
        if (check is null)
            return;
        try
        {
            await check;
        }
        catch (InvalidOperationException e)
        {
            _error = e.Message;
        }
        catch (OperationCanceledException)
        {
            // Cancelled on the Replenishment page: nothing was recorded.
        }
        catch (Exception e) when (!_disposed.IsCancellationRequested)
        {
            Logger.LogError(e, "Checking stock from the home page failed");
            _error = $"Could not check stock: {e.Message}";
        }
    }

    void OnCheckerChanged() => _ = InvokeAsync(() =>
    {
        if (!_disposed.IsCancellationRequested)
            StateHasChanged();
    });

    void OnRunRecorded(ReplenishmentRunRecord run) => _ = InvokeAsync(async () =>
    {
        if (_disposed.IsCancellationRequested)
            return;
        await LoadAsync();
        StateHasChanged();
    });

    static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string Money(ReplenishmentAlert alert) =>
        alert.UnitCost is null ? "unit cost unknown" : alert.ValueAtRisk.ToString("N2", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Checker.Changed -= OnCheckerChanged;
        Service.RunRecorded -= OnRunRecorded;
        _disposed.Cancel();
    }
}
