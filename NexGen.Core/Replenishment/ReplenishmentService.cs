using System.Diagnostics;
using NexGen.Core.Store;

namespace NexGen.Core.Replenishment;

/// <summary>
/// The single entry point for replenishment runs (CLI and app): reads the store as of a date
/// (<see cref="ReplenishmentDataLoader"/>), plans every series of the active forecast (<see cref="ReplenishmentPlanner"/>)
/// and records the run with its suggestions, alerts and suggested purchase-order lines (<see cref="ReplenishmentStore"/>).
/// </summary>
public sealed class ReplenishmentService(DuckDbStore store, RunStore runs, ReplenishmentStore replenishments, ReplenishmentOptions options)
{
    /// <summary>
    /// Raised after a run is recorded, on the run's thread, whoever started it (a page, the schedule, the API), so that
    /// every open page can show the new run. Handlers must return quickly and not throw.
    /// </summary>
    public event Action<ReplenishmentRunRecord>? RunRecorded;

    /// <summary>Runs replenishment and records it.</summary>
    /// <param name="asOf">The date stock is taken at; default the latest inventory snapshot date in the store.</param>
    /// <param name="progress">Receives each phase with the share done.</param>
    /// <exception cref="InvalidOperationException">No succeeded forecast run, no inventory, or no sales grain: says what to do first.</exception>
    public async Task<(ReplenishmentRunRecord Run, ReplenishmentPlan Plan)> RunAsync(DateOnly? asOf = null, IProgress<ReplenishmentProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        progress?.Report(new ReplenishmentProgress("reading the store", 0));
        var forecast = await runs.LatestSucceededAsync("forecast", cancellationToken)
            ?? throw new InvalidOperationException("There is no forecast yet: run one first (nexgen forecast --horizon 28, or the Run forecast button).");
        var loader = new ReplenishmentDataLoader(store);
        var date = asOf ?? await loader.LatestInventoryDateAsync(cancellationToken)
            ?? throw new InvalidOperationException("The store has no inventory: import an inventory file (location, sku, as_of, on_hand) first.");
        var data = await loader.LoadAsync(forecast.Id, date, cancellationToken);

        var planned = new Progress<double>(fraction => progress?.Report(new ReplenishmentProgress("planning", 0.3 + 0.6 * fraction)));
        var plan = await Task.Run(() => ReplenishmentPlanner.Plan(data, options, planned, cancellationToken), cancellationToken);
        progress?.Report(new ReplenishmentProgress("saving", 0.9));
        var run = await replenishments.SaveAsync(plan, clock.Elapsed.TotalSeconds, cancellationToken);
        progress?.Report(new ReplenishmentProgress("finished", 1));
        RunRecorded?.Invoke(run);
        return (run, plan);
    }
}
