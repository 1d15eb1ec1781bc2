using System.Diagnostics;
using NexGen.Core.Features;
using NexGen.Core.Store;

namespace NexGen.Core.Replenishment.Simulation;

/// <summary>
/// The dashboard's policy simulation: <see cref="PolicySimulator"/> over the most recent window of the store's sales
/// with the fast <see cref="MovingAverageForecaster"/> (seconds, not the engine's minutes), NexGen's policy and
/// parameters as configured (<see cref="ReplenishmentOptions"/>), and the naive policy of <c>nexgen simulate</c>: order
/// up to 4 weeks of the trailing 4-week mean every review. Lost sales; each item starts with L + R periods of its
/// trailing mean on hand.
/// </summary>
public sealed class PolicySimulationService(DuckDbStore store, ReplenishmentOptions options)
{
    /// <summary>The naive policy's cover and trailing window, and the history an item needs before the window, in days.</summary>
    public const int NaiveDays = 28;

    /// <summary>Days the moving-average forecaster averages (8 weeks).</summary>
    public const int MovingAverageDays = 56;

    /// <summary>Days of backtest origins whose errors size the moving average's safety stock (2 years).</summary>
    public const int ErrorOriginDays = 728;

    /// <summary>Runs the simulation; the work runs off the caller's thread.</summary>
    /// <param name="request">Window, targets and refit interval.</param>
    /// <param name="progress">Phase and fraction done (0..1); may be null.</param>
    /// <param name="cancellationToken">Stops loading and simulating.</param>
    /// <exception cref="InvalidOperationException">No sales, or a history too short for the window: says what is missing.</exception>
    public async Task<PolicySimulationReport> RunAsync(PolicySimulationRequest request, IProgress<(string Phase, double Fraction)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.WindowDays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.RefitDays);
        var clock = Stopwatch.StartNew();
        progress?.Report(("loading sales", 0));
        var panel = await Task.Run(() => new SalesPanelLoader(store).LoadAsync(cancellationToken), cancellationToken);
        int Periods(int days) => Math.Max(1, (int)Math.Round(days / (double)panel.PeriodDays));
        var naive = Periods(NaiveDays);
        var to = panel.Periods - 1;
        var from = Math.Max(naive, to - Periods(request.WindowDays) + 1);
        var grain = panel.PeriodDays == 7 ? "weeks" : "days";
        if (from > to)
            throw new InvalidOperationException(
                $"The sales history is too short for a simulation: it needs more than {naive} {grain} of sales before the simulated window, and it has {panel.Periods} {grain}.");
        var simulation = new SimulationOptions
        {
            From = from,
            To = to,
            RefitInterval = Periods(request.RefitDays),
            ServiceLevels = (request.ServiceLevels ?? PolicySimulationRequest.DefaultServiceLevels).Distinct().Order().ToList(),
            NaiveCover = naive,
            NaiveWindow = naive,
        };
        progress?.Report(("reading products", 0.05));
        var items = await SimulationItems.LoadAsync(store, panel, options, from, cancellationToken);
        var simulated = items.Count(i => panel.Series[i.Series].First <= from - naive);
        if (simulated == 0)
            throw new InvalidOperationException($"No series has 4 weeks of sales before {panel.DateOf(from):yyyy-MM-dd}, where the simulated window starts.");
        var source = new MovingAverageForecaster(panel, Periods(MovingAverageDays), Periods(ErrorOriginDays));
        var inner = progress is null ? null : new ScaledProgress(progress, 0.1, 0.9);
        var result = await Task.Run(() => PolicySimulator.Run(panel, items, source, simulation, inner, cancellationToken), cancellationToken);
        progress?.Report(("finished", 1));
        return new PolicySimulationReport(result, panel.PeriodDays, simulated, options.Policy, clock.Elapsed.TotalSeconds, DateTime.UtcNow);
    }

    /// <summary>Maps the simulator's 0..1 into a part of the whole run.</summary>
    sealed class ScaledProgress(IProgress<(string Phase, double Fraction)> inner, double start, double share) : IProgress<(string Phase, double Fraction)>
    {
        public void Report((string Phase, double Fraction) value) => inner.Report((value.Phase, start + share * value.Fraction));
    }
}
