using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Store;
using NexGen.Web.Extensions;
using NexGen.Web.Services;

namespace NexGen.Web.Components.Replenishment;

/// <summary>
/// A replenishment run's suggestions: a server-side table (<see cref="ReplenishmentStore.SuggestionsAsync"/>) at the
/// app bar's location with the explanation of each row, editable order quantities (whole packs), approval of the ticked
/// orders (<see cref="ReplenishmentStore.ApproveLinesAsync"/>), and the export of the approved ones as a CSV or Parquet
/// download (<see cref="ReplenishmentStore.ExportApprovedAsync"/>, then <see cref="DownloadEndpoints.PurchaseOrdersUrl"/>). Holds view state
/// only: the ticked orders, edited quantities and opened rows, until they are approved or the run changes.
/// </summary>
public sealed partial class OrdersPanel : IDisposable
{
    static readonly int[] PageSizes = [25, 50, 100];
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The replenishment run whose suggestions are shown.</summary>
    [Parameter, EditorRequired] public ReplenishmentRunRecord Run { get; set; } = default!;

    /// <summary>Only this location (the app bar's filter); null for all.</summary>
    [Parameter] public string? Location { get; set; }

    [Inject] ReplenishmentStore Replenishments { get; set; } = default!;
    [Inject] BrowserDownloads Downloads { get; set; } = default!;
    [Inject] PageAudit Audit { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;
    [Inject] ILogger<OrdersPanel> Logger { get; set; } = default!;

    MudTable<StoredSuggestion>? _table;
    IReadOnlyList<StoredSuggestion> _rows = [];
    int? _total;
    /// <summary>Pages of rows read so far; shown as <c>data-loads</c> beside the count, so a browser can tell new rows from old.</summary>
    int _loads;
    PurchaseOrderSummary? _summary;
    IReadOnlyList<PurchaseOrderExport> _exports = [];
    string _search = "";
    SuggestionFilter _show = SuggestionFilter.Orders;
    bool _busy;
    long? _shownRun;
    string? _shownLocation;
    /// <summary>Ticked orders by line id (rows of other pages stay ticked).</summary>
    readonly Dictionary<long, StoredSuggestion> _selected = [];
    /// <summary>Quantities typed by the user, by line id, until approved.</summary>
    readonly Dictionary<long, int> _edits = [];
    readonly HashSet<(string Location, string Sku)> _expanded = [];
    readonly CancellationTokenSource _disposed = new();

    protected override async Task OnParametersSetAsync()
    {
        var runChanged = _shownRun is { } shown && shown != Run.Id;
        var locationChanged = _shownRun is not null && _shownLocation != Location;
        var first = _shownRun is null;
        (_shownRun, _shownLocation) = (Run.Id, Location);
        if (runChanged)
        {
            if (_selected.Count > 0 || _edits.Count > 0)
                Snackbar.Add($"Replenishment run #{Run.Id} replaced the one you were reviewing: tick and edit its orders again.", Severity.Info);
            _selected.Clear();
            _edits.Clear();
            _expanded.Clear();
        }
        if (first || runChanged || locationChanged)
            await LoadSummaryAsync();
        if ((runChanged || locationChanged) && _table is not null)
        {
            _table.NavigateTo(Page.First);
            await _table.ReloadServerData();
        }
    }

    async Task<TableData<StoredSuggestion>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var sort = Enum.TryParse<SuggestionSortColumn>(state.SortLabel, out var column) ? column : SuggestionSortColumn.Series;
        var query = new SuggestionQuery(Location, _search, _show, sort, state.SortDirection == SortDirection.Descending, state.Page, state.PageSize);
        var runId = Run.Id;
        using var load = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        try
        {
            var page = await Task.Run(() => Replenishments.SuggestionsAsync(runId, query, load.Token), load.Token);
            (_rows, _total) = (page.Rows, page.TotalCount);
            _loads++;
            return new TableData<StoredSuggestion> { Items = page.Rows, TotalItems = page.TotalCount };
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            return new TableData<StoredSuggestion> { Items = [], TotalItems = 0 };
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Could not read the suggestions of replenishment run {Run}", runId);
            Snackbar.Add($"Could not read the suggestions: {e.Message}", Severity.Error);
            (_rows, _total) = ([], null);
            return new TableData<StoredSuggestion> { Items = [], TotalItems = 0 };
        }
    }

    /// <summary>The purchase-order counts at the location and the list of exports.</summary>
    async Task LoadSummaryAsync()
    {
        var (runId, location) = (Run.Id, Location);
        try
        {
            (_summary, _exports) = await Task.Run(async () =>
                (await Replenishments.PurchaseOrderSummaryAsync(runId, location, _disposed.Token), await Replenishments.ExportsAsync(10, _disposed.Token)));
        }
        catch (Exception e) when (!_disposed.IsCancellationRequested)
        {
            Logger.LogError(e, "Could not read the purchase orders of replenishment run {Run}", runId);
            Snackbar.Add($"Could not read the purchase orders: {e.Message}", Severity.Error);
        }
        catch (OperationCanceledException)
        {
            // The page is gone.
        }
    }

    Task OnSearchChangedAsync(string? value)
    {
        _search = value ?? "";
        return ReloadFromFirstPageAsync();
    }

    Task OnShowChangedAsync(SuggestionFilter value)
    {
        _show = value;
        return ReloadFromFirstPageAsync();
    }

    async Task ReloadFromFirstPageAsync()
    {
        if (_table is null)
            return;
        _table.NavigateTo(Page.First);
        await _table.ReloadServerData();
    }

    static bool IsSelectable(StoredSuggestion row) => row.LineId is not null && row.LineStatus != PurchaseOrderLine.StatusExported;

    bool IsSelected(StoredSuggestion row) => row.LineId is { } id && _selected.ContainsKey(id);

    void Select(StoredSuggestion row, bool selected)
    {
        if (row.LineId is not { } id || !IsSelectable(row))
            return;
        if (selected)
            _selected[id] = row;
        else
            _selected.Remove(id);
    }

    bool PageSelected => _rows.Any(IsSelectable) && _rows.Where(IsSelectable).All(IsSelected);

    void SelectPage(bool selected)
    {
        foreach (var row in _rows.Where(IsSelectable))
            Select(row, selected);
    }

    int QuantityOf(StoredSuggestion row) =>
        row.LineId is { } id && _edits.TryGetValue(id, out var edited) ? edited : row.LineQuantity ?? row.OrderQuantity ?? 0;

    double? ValueOf(StoredSuggestion row) => row.UnitCost is { } cost && row.LineId is not null ? QuantityOf(row) * cost : row.OrderValue;

    /// <summary>A typed quantity is kept and ticks its order, so "Approve selected" takes it.</summary>
    void OnQuantityChanged(StoredSuggestion row, int value)
    {
        if (row.LineId is not { } id)
            return;
        _edits[id] = value;
        Select(row, true);
    }

    static bool IsWholePacks(int quantity, int pack) => quantity >= pack && quantity % pack == 0;

    static string PackText(int pack) => pack == 1 ? "at least 1 unit" : $"whole packs of {pack} (at least one)";

    /// <summary>Approves the ticked orders with their quantities in one transaction; a quantity that is not whole packs stops it.</summary>
    async Task ApproveSelectedAsync()
    {
        var approvals = _selected.Values.Select(row => (Row: row, Quantity: QuantityOf(row))).ToList();
        if (approvals.FirstOrDefault(a => !IsWholePacks(a.Quantity, a.Row.PackSize)) is { Row: not null } wrong)
        {
            Snackbar.Add($"{wrong.Row.Sku} at {wrong.Row.Location}: {wrong.Quantity} is not {PackText(wrong.Row.PackSize)}. Nothing was approved.", Severity.Warning);
            return;
        }
        _busy = true;
        var runId = Run.Id;
        try
        {
            var count = await Task.Run(() => Replenishments.ApproveLinesAsync(runId,
                approvals.Select(a => new LineApproval(a.Row.LineId!.Value, a.Quantity)).ToList(), _disposed.Token));
            foreach (var (row, _) in approvals)
                _edits.Remove(row.LineId!.Value);
            _selected.Clear();
            await Audit.RecordAsync("po.approve", $"replenishment run {runId}",
                $"{count} lines, {approvals.Sum(a => (long)a.Quantity)} units, {approvals.Count(a => a.Quantity != a.Row.OrderQuantity)} edited");
            Snackbar.Add($"Approved {count} order{(count == 1 ? "" : "s")}.", Severity.Success);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            Snackbar.Add($"Nothing was approved: {e.Message}", Severity.Warning);
        }
        catch (Exception e) when (!_disposed.IsCancellationRequested)
        {
            Logger.LogError(e, "Approving orders of replenishment run {Run} failed", runId);
            Snackbar.Add($"Could not approve the orders: {e.Message}", Severity.Error, options => options.RequireInteraction = true);
        }
        finally
        {
            _busy = false;
        }
        await RefreshAsync();
    }

    /// <summary>Exports the approved orders at the location to a new file on the server, then downloads it.</summary>
    async Task ExportAsync(string format)
    {
        _busy = true;
        var (runId, location) = (Run.Id, Location);
        try
        {
            var export = await Task.Run(() => Replenishments.ExportApprovedAsync(runId, format, new PurchaseOrderFilter(Location: location), _disposed.Token));
            if (export is null)
            {
                Snackbar.Add("No approved order to export: tick orders and approve them first.", Severity.Info);
            }
            else
            {
                await Audit.RecordAsync("po.export", export.FileName, $"replenishment run {runId}, {export.Lines} lines, {export.Units} units");
                await Downloads.StartAsync(ExportUrl(export), export.FileName, _disposed.Token);
                Snackbar.Add($"Exported {export.Lines} order line{(export.Lines == 1 ? "" : "s")} to {export.FileName}.", Severity.Success);
            }
        }
        catch (Exception e) when (!_disposed.IsCancellationRequested)
        {
            Logger.LogError(e, "Exporting the orders of replenishment run {Run} failed", runId);
            Snackbar.Add($"Could not export the orders: {e.Message}", Severity.Error, options => options.RequireInteraction = true);
        }
        finally
        {
            _busy = false;
        }
        await RefreshAsync();
    }

    static string ExportUrl(PurchaseOrderExport export) => DownloadEndpoints.PurchaseOrdersUrl(export);

    async Task RefreshAsync()
    {
        await LoadSummaryAsync();
        if (_table is not null)
            await _table.ReloadServerData();
    }

    bool IsExpanded(StoredSuggestion row) => _expanded.Contains((row.Location, row.Sku));

    void ToggleExpanded(StoredSuggestion row)
    {
        if (!_expanded.Remove((row.Location, row.Sku)))
            _expanded.Add((row.Location, row.Sku));
    }

    string RowClass(StoredSuggestion row, int index) => IsExpanded(row) ? "expanded-row" : "";

    string CountText => _total switch
    {
        null => "",
        1 => "1 row",
        { } total => $"{total.ToString("N0", Invariant)} rows",
    };

    string NoRecordsText => _show switch
    {
        _ when !string.IsNullOrWhiteSpace(_search) => "Nothing matches the search: clear it, or show every series.",
        SuggestionFilter.Suggested => "No order left to review" + At + ".",
        SuggestionFilter.Approved => "No approved order" + At + ": tick orders and approve them.",
        SuggestionFilter.Exported => "No exported order" + At + ".",
        SuggestionFilter.All => "This run planned no series" + At + ".",
        _ => "No order suggested" + At + ": every series has enough stock until its next review.",
    };

    string At => Location is null ? "" : $" at {Location}";

    static string Count(long value) => value.ToString("N0", Invariant);

    static Color StatusColor(string status) => status switch
    {
        PurchaseOrderLine.StatusApproved => Color.Success,
        PurchaseOrderLine.StatusExported => Color.Default,
        _ => Color.Info,
    };

    public void Dispose() => _disposed.Cancel();
}
