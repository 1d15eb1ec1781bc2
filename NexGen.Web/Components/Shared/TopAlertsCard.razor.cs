using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Replenishment;
using NexGen.Core.Store;

namespace NexGen.Web.Components.Shared;

/// <summary>
/// The top alerts of the latest replenishment run, by value at risk, until the dashboard has its own page. "Check stock
/// now" runs replenishment on the current data through <see cref="ReplenishmentService"/> (seconds, not minutes: it
/// reads the active forecast, it does not make one).
/// </summary>
public sealed partial class TopAlertsCard : IDisposable
{
    /// <summary>Alerts shown.</summary>
    const int Top = 10;

    const string CliCommand = "dotnet run --project NexGen.Cli -- replenish";

    [Inject] ReplenishmentStore Replenishments { get; set; } = default!;
    [Inject] ReplenishmentService Service { get; set; } = default!;
    [Inject] ILogger<TopAlertsCard> Logger { get; set; } = default!;

    ReplenishmentRunRecord? _run;
    IReadOnlyList<ReplenishmentAlert> _alerts = [];
    bool _loaded;
    bool _checking;
    string? _error;
    readonly CancellationTokenSource _disposed = new();

    protected override async Task OnInitializedAsync()
    {
        // The prerendered page shows the layout only: the live circuit reads the store (once, not twice).
        if (!RendererInfo.IsInteractive)
            return;
        try
        {
            await LoadAsync(_disposed.Token);
        }
        catch (Exception e) when (!_disposed.IsCancellationRequested)
        {
            Logger.LogError(e, "Could not read the latest replenishment run");
            _error = $"Could not read the alerts: {e.Message}";
        }
        _loaded = true;
    }

    /// <summary>Reads the latest run and its top alerts off the circuit's thread (DuckDB's calls block).</summary>
    async Task LoadAsync(CancellationToken cancellationToken)
    {
        var run = await Task.Run(() => Replenishments.LatestRunAsync(cancellationToken), cancellationToken);
        _alerts = run is null ? [] : await Task.Run(() => Replenishments.AlertsAsync(run.Id, Top, cancellationToken), cancellationToken);
        _run = run;
    }

    /// <summary>Runs replenishment and shows its alerts; a missing forecast or inventory is said in the card.</summary>
    async Task CheckStockAsync()
    {
        _checking = true;
        _error = null;
        try
        {
            await Service.RunAsync(cancellationToken: _disposed.Token);
            await LoadAsync(_disposed.Token);
        }
        catch (InvalidOperationException e)
        {
            _error = e.Message;
        }
        catch (Exception e) when (!_disposed.IsCancellationRequested)
        {
            Logger.LogError(e, "Replenishment from the home page failed");
            _error = $"Could not check stock: {e.Message}";
        }
        finally
        {
            _checking = false;
        }
    }

    public void Dispose() => _disposed.Cancel();

    static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string Money(ReplenishmentAlert alert) =>
        alert.UnitCost is null ? "unit cost unknown" : alert.ValueAtRisk.ToString("N2", CultureInfo.InvariantCulture);

    static Color SeverityColor(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => Color.Error,
        AlertSeverity.Warning => Color.Warning,
        _ => Color.Info,
    };
}
