using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;
using NexGen.Web.Services;

namespace NexGen.Web.Components.Pages;

/// <summary>
/// The planner's replenishment page: the latest replenishment run's orders (<see cref="Replenishment.OrdersPanel"/>) and
/// alerts (<see cref="Replenishment.AlertsPanel"/>) at the app bar's location, "Check stock now" in the background
/// (<see cref="StockCheckRunner"/>), and the policy simulation (<see cref="Replenishment.PolicySimulationPanel"/>).
/// Follows runs recorded by anyone (another page, the schedule) through <see cref="ReplenishmentService.RunRecorded"/>.
/// </summary>
public sealed partial class ReplenishmentPage : IDisposable
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Inject] ReplenishmentStore Replenishments { get; set; } = default!;
    [Inject] ReplenishmentService Service { get; set; } = default!;
    [Inject] StockCheckRunner Checker { get; set; } = default!;
    [Inject] PageAudit Audit { get; set; } = default!;
    [Inject] LocationFilter Filter { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;
    [Inject] ILogger<ReplenishmentPage> Logger { get; set; } = default!;

    ReplenishmentRunRecord? _run;
    bool _loaded;
    string? _loadError;
    int _tab;
    readonly CancellationTokenSource _disposed = new();

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
            return;
        Filter.Changed += OnLocationChangedAsync;
        Checker.Changed += OnCheckerChanged;
        Service.RunRecorded += OnRunRecorded;
        await LoadAsync();
    }

    async Task LoadAsync()
    {
        try
        {
            _run = await Task.Run(() => Replenishments.LatestRunAsync(_disposed.Token));
            _loadError = null;
        }
        catch (Exception e) when (!_disposed.IsCancellationRequested)
        {
            Logger.LogError(e, "Could not read the latest replenishment run");
            _loadError = $"Could not read the latest replenishment run: {e.Message}";
            Snackbar.Add(_loadError, Severity.Error);
        }
        catch (OperationCanceledException)
        {
            // The page is gone.
        }
        _loaded = true;
    }

    /// <summary>Starts a stock check in the background; its progress shows on every open page, its outcome here.</summary>
    async Task CheckStockAsync()
    {
        var check = Checker.TryStart(await Audit.ActorAsync());
        if (check is null)
        {
            Snackbar.Add("Stock is being checked already: its progress is shown here.", Severity.Info);
            return;
        }
        try
        {
            var run = await check;
            if (!_disposed.IsCancellationRequested)
                Snackbar.Add($"Stock checked: run #{run.Id}, {run.Orders:N0} orders suggested, {run.Alerts:N0} alerts.", Severity.Success);
        }
        catch (OperationCanceledException)
        {
            if (!_disposed.IsCancellationRequested)
                Snackbar.Add("Stock check cancelled: nothing was recorded.", Severity.Info);
        }
        catch (InvalidOperationException e)
        {
            // No forecast, no inventory: says what to do first.
            if (!_disposed.IsCancellationRequested)
                Snackbar.Add(e.Message, Severity.Warning, options => options.RequireInteraction = true);
        }
        catch (Exception e)
        {
            if (!_disposed.IsCancellationRequested)
                Snackbar.Add($"Could not check stock: {e.Message}", Severity.Error, options => options.RequireInteraction = true);
        }
    }

    void CancelCheck() => Checker.Cancel();

    void OnCheckerChanged() => _ = InvokeAsync(() =>
    {
        if (!_disposed.IsCancellationRequested)
            StateHasChanged();
    });

    void OnRunRecorded(ReplenishmentRunRecord run) => _ = InvokeAsync(() =>
    {
        if (_disposed.IsCancellationRequested || run.Id <= (_run?.Id ?? 0))
            return;
        _run = run;
        StateHasChanged();
    });

    Task OnLocationChangedAsync() => InvokeAsync(StateHasChanged);

    string State => _loadError is not null ? "error" : !_loaded ? "loading" : _run is null ? "empty" : "loaded";

    static string Count(int value) => value.ToString("N0", Invariant);

    static string Percent(double fraction) => (fraction * 100).ToString("0", Invariant) + " %";

    static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    public void Dispose()
    {
        Filter.Changed -= OnLocationChangedAsync;
        Checker.Changed -= OnCheckerChanged;
        Service.RunRecorded -= OnRunRecorded;
        _disposed.Cancel();
    }
}
