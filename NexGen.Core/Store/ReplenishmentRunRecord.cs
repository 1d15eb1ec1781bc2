namespace NexGen.Core.Store;

/// <summary>A row of <c>replenishment_runs</c>: one replenishment run.</summary>
/// <param name="Id">Run id, from the <c>replenishment_run_ids</c> sequence.</param>
/// <param name="Created">When the run was recorded, UTC.</param>
/// <param name="AsOf">The date stock was taken at.</param>
/// <param name="ForecastRunId">The forecast run it read.</param>
/// <param name="PeriodDays">Days per forecast period (1 or 7).</param>
/// <param name="Series">Location x sku lines.</param>
/// <param name="Orders">Lines with an order quantity above 0.</param>
/// <param name="Alerts">Alerts raised.</param>
/// <param name="Seconds">Time to read, plan and save, in seconds.</param>
public sealed record ReplenishmentRunRecord(
    long Id, DateTime Created, DateOnly AsOf, long ForecastRunId, int PeriodDays, int Series, int Orders, int Alerts, double Seconds);
