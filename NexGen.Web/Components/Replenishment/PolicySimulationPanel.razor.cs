using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Replenishment.Simulation;
using NexGen.Web.Forecasts;
using NexGen.Web.Planning;
using NexGen.Web.Services;
using Plotly.Blazor;

namespace NexGen.Web.Components.Replenishment;

/// <summary>
/// The policy simulation: a button that runs <see cref="PolicySimulationRunner"/> in the background (progress, cancel),
/// and the latest result, shared by every page, as a fill rate vs average inventory chart and a table.
/// </summary>
public sealed partial class PolicySimulationPanel : IDisposable
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    static readonly int[] WindowChoices = [8, 13, 26, 52];

    [Inject] PolicySimulationRunner Runner { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    int _windowWeeks = 13;
    PolicySimulationReport? _report;
    IList<ITrace> _traces = [];
    Plotly.Blazor.Layout _layout = new();
    readonly Config _config = ProductCharts.Config();
    bool _disposed;

    protected override void OnInitialized()
    {
        Runner.Changed += OnRunnerChanged;
        Show(Runner.Latest);
    }

    void OnRunnerChanged() => _ = InvokeAsync(() =>
    {
        if (_disposed)
            return;
        Show(Runner.Latest);
        StateHasChanged();
    });

    /// <summary>Builds the chart once per result, not on every render.</summary>
    void Show(PolicySimulationReport? report)
    {
        if (report is null || ReferenceEquals(report, _report))
            return;
        _report = report;
        _traces = ReplenishmentCharts.PolicyTradeOff(report);
        _layout = ReplenishmentCharts.PolicyTradeOffLayout(report);
    }

    async Task RunAsync()
    {
        var run = Runner.TryStart(new PolicySimulationRequest(WindowDays: _windowWeeks * 7));
        if (run is null)
        {
            Snackbar.Add("A simulation is already running: its progress is shown here.", Severity.Info);
            return;
        }
        try
        {
            var report = await run;
            if (!_disposed)
                Snackbar.Add($"Simulation finished: {report.SimulatedSeries:N0} series in {report.Seconds:0.0} s.", Severity.Success);
        }
        catch (OperationCanceledException)
        {
            if (!_disposed)
                Snackbar.Add("Simulation cancelled.", Severity.Info);
        }
        catch (Exception e)
        {
            if (!_disposed)
                Snackbar.Add($"The simulation failed: {e.Message}", Severity.Error, options => options.RequireInteraction = true);
        }
    }

    void Cancel() => Runner.Cancel();

    string Status => Runner.IsRunning ? "running" : Runner.LastError is not null ? "failed" : _report is not null ? "done" : "none";

    static string Count(int value) => value.ToString("N0", Invariant);

    static string Percent(double fraction) => (fraction * 100).ToString("0.#", Invariant) + " %";

    static string PercentPrecise(double fraction) => (fraction * 100).ToString("0.00", Invariant) + " %";

    public void Dispose()
    {
        _disposed = true;
        Runner.Changed -= OnRunnerChanged;
    }
}
