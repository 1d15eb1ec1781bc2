using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Web.Components.Replenishment;

/// <summary>
/// A replenishment run's alerts, by value at risk: a server-side table (<see cref="ReplenishmentStore.AlertsAsync(long, AlertQuery, CancellationToken)"/>)
/// at the app bar's location, with the count of each severity (a chip filters by it) and the total value at risk.
/// </summary>
public sealed partial class AlertsPanel : IDisposable
{
    static readonly int[] PageSizes = [25, 50, 100];

    /// <summary>The replenishment run whose alerts are shown.</summary>
    [Parameter, EditorRequired] public ReplenishmentRunRecord Run { get; set; } = default!;

    /// <summary>Only this location (the app bar's filter); null for all.</summary>
    [Parameter] public string? Location { get; set; }

    [Inject] ReplenishmentStore Replenishments { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;
    [Inject] ILogger<AlertsPanel> Logger { get; set; } = default!;

    MudTable<ReplenishmentAlert>? _table;
    AlertPage? _page;
    string? _severity;
    (long RunId, string? Location)? _shown;
    readonly CancellationTokenSource _disposed = new();

    protected override async Task OnParametersSetAsync()
    {
        // The table loads itself the first time; a new run or location reloads it from the first page.
        var wanted = (Run.Id, Location);
        if (_shown is null || _shown == wanted || _table is null)
        {
            _shown = wanted;
            return;
        }
        _shown = wanted;
        await ReloadFromFirstPageAsync();
    }

    async Task<TableData<ReplenishmentAlert>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var query = new AlertQuery(Location, _severity is null ? null : Enum.Parse<AlertSeverity>(_severity, ignoreCase: true), state.Page, state.PageSize);
        var runId = Run.Id;
        using var load = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        try
        {
            _page = await Task.Run(() => Replenishments.AlertsAsync(runId, query, load.Token), load.Token);
            // The totals above the table are this component's, not the table's: render them too.
            StateHasChanged();
            return new TableData<ReplenishmentAlert> { Items = _page.Rows, TotalItems = _page.TotalCount };
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            return new TableData<ReplenishmentAlert> { Items = [], TotalItems = 0 };
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Could not read the alerts of replenishment run {Run}", runId);
            Snackbar.Add($"Could not read the alerts: {e.Message}", Severity.Error);
            return new TableData<ReplenishmentAlert> { Items = [], TotalItems = 0 };
        }
    }

    Task OnSeverityChangedAsync(string? severity)
    {
        _severity = severity;
        return ReloadFromFirstPageAsync();
    }

    async Task ReloadFromFirstPageAsync()
    {
        if (_table is null)
            return;
        _table.NavigateTo(Page.First);
        await _table.ReloadServerData();
    }

    static string Count(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "–";

    static string KindText(string kind) => kind switch
    {
        AlertKinds.Stockout => "stock-out",
        AlertKinds.LowStock => "low stock",
        AlertKinds.Overstock => "overstock",
        AlertKinds.DeadStock => "dead stock",
        AlertKinds.MissingInventory => "no inventory",
        AlertKinds.StaleInventory => "old inventory",
        AlertKinds.MissingLeadTime => "no lead time",
        AlertKinds.InvalidParameters => "bad parameters",
        AlertKinds.ShortForecast => "forecast too short",
        _ => kind,
    };

    /// <summary>The chip colour of a severity.</summary>
    public static Color SeverityColor(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => Color.Error,
        AlertSeverity.Warning => Color.Warning,
        _ => Color.Info,
    };

    public void Dispose() => _disposed.Cancel();
}
