using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using NexGen.Core.Replenishment;

namespace NexGen.Core.Store;

/// <summary>
/// Reads and writes replenishment runs: each run's suggestions (one per location x sku, with every explanation
/// field), its alerts, and its purchase-order lines, which move from suggested to approved to exported. Every write is
/// one transaction. Exports go through DuckDB <c>COPY</c>; text cells of CSV exports that start with = + - @, a tab or
/// a carriage return are prefixed with a single quote so a spreadsheet does not run them as formulas.
/// </summary>
public sealed class ReplenishmentStore(DuckDbStore store)
{
    /// <summary>
    /// Records a plan as a new run in one transaction: the run, its lines, its alerts (ranked as the plan orders them),
    /// and one suggested purchase-order line per line with an order, numbered per supplier x location.
    /// </summary>
    /// <param name="plan">The plan to record.</param>
    /// <param name="seconds">How long reading and planning took, in seconds.</param>
    /// <returns>The new run.</returns>
    public Task<ReplenishmentRunRecord> SaveAsync(ReplenishmentPlan plan, double seconds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return store.WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var id = connection.ExecuteScalar<long>("SELECT nextval('replenishment_run_ids')", transaction: transaction);
            var created = DateTime.UtcNow;
            var orders = plan.Lines.Count(l => l.OrderQuantity > 0);
            connection.Execute("""
                INSERT INTO replenishment_runs (id, created, as_of, forecast_run_id, period_days, series, orders, alerts, seconds)
                VALUES ($id, $created, $AsOf, $ForecastRunId, $PeriodDays, $series, $orders, $alerts, $seconds)
                """, new { id, created, plan.AsOf, plan.ForecastRunId, plan.PeriodDays, series = plan.Lines.Count, orders, alerts = plan.Alerts.Count, seconds = Math.Round(seconds, 3) },
                transaction);
            AppendSuggestions(connection, id, plan.Lines, cancellationToken);
            AppendAlerts(connection, id, plan.Alerts);
            AppendPurchaseOrderLines(connection, id, created, plan.Lines);
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return Task.FromResult(new ReplenishmentRunRecord(id, created, plan.AsOf, plan.ForecastRunId, plan.PeriodDays,
                plan.Lines.Count, orders, plan.Alerts.Count, Math.Round(seconds, 3)));
        }, cancellationToken);
    }

    static void AppendSuggestions(DuckDBConnection connection, long id, IReadOnlyList<ReplenishmentLine> lines, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("replenishment_suggestions");
        var written = 0;
        foreach (var l in lines)
        {
            if (++written % 10_000 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            var s = l.Suggestion;
            var o = s?.Order;
            var p = l.Parameters;
            appender.CreateRow()
                .AppendValue((long?)id)
                .AppendValue(l.Location)
                .AppendValue(l.Sku)
                .AppendValue(l.Supplier)
                .AppendValue(l.Category)
                .AppendValue(l.Abc.ToString())
                .AppendValue(l.Xyz.ToString())
                .AppendValue((double?)l.ServiceLevel)
                .AppendValue(l.ServiceLevelSource)
                .AppendValue(s?.Policy)
                .AppendValue(l.InventoryAsOf)
                .AppendValue(R(l.OnHand))
                .AppendValue(l.OnHand is null ? null : R(l.OnOrder))
                .AppendValue(l.OnHand is null ? null : R(l.OpenPurchaseOrders))
                .AppendValue(R(s?.Backorders))
                .AppendValue(R(s?.InventoryPosition))
                .AppendValue((int?)p.LeadTimeDays.Value)
                .AppendValue((int?)p.ReviewPeriodDays.Value)
                .AppendValue(R(l.LeadTimePeriods))
                .AppendValue(R(l.ReviewPeriods))
                .AppendValue(R(s?.DemandOverLeadTime))
                .AppendValue(R(s?.DemandOverProtectionPeriod))
                .AppendValue(s?.SafetyStockMethod)
                .AppendValue(R(s?.SafetyStockPeriods))
                .AppendValue(R(s?.SafetyStock))
                .AppendValue(R(s?.ReorderPoint))
                .AppendValue(R(s?.OrderUpToLevel))
                .AppendValue(R(s?.LotSize))
                .AppendValue(R(s?.ProjectedStockAtLeadTime))
                .AppendValue(R(o?.RawNeed))
                .AppendValue((int?)p.PackSize.Value)
                .AppendValue((int?)p.MinOrderQuantity.Value)
                .AppendValue(p.MaxOrderQuantity.Value)
                .AppendValue(p.MaxStock.Value)
                .AppendValue(o?.AfterPack)
                .AppendValue(o?.AfterMinimum)
                .AppendValue(o?.AfterMaximum)
                .AppendValue(o?.AfterMaximumStock)
                .AppendValue(o?.Final)
                .AppendValue(l.UnitCost)
                .AppendValue(o is null || l.UnitCost is null ? null : R(o.Final * l.UnitCost.Value))
                .AppendValue(l.Reason)
                .AppendValue(l.Sources)
                .EndRow();
        }
    }

    static void AppendAlerts(DuckDBConnection connection, long id, IReadOnlyList<ReplenishmentAlert> alerts)
    {
        using var appender = connection.CreateAppender("replenishment_alerts");
        for (var rank = 0; rank < alerts.Count; rank++)
        {
            var a = alerts[rank];
            appender.CreateRow()
                .AppendValue((long?)id)
                .AppendValue((int?)(rank + 1))
                .AppendValue(a.Location)
                .AppendValue(a.Sku)
                .AppendValue(a.Kind)
                .AppendValue(SeverityName(a.Severity))
                .AppendValue(a.Message)
                .AppendValue(R(a.Units))
                .AppendValue(a.UnitCost)
                .AppendValue(R(a.ValueAtRisk))
                .AppendValue(a.Date)
                .EndRow();
        }
    }

    static void AppendPurchaseOrderLines(DuckDBConnection connection, long id, DateTime created, IReadOnlyList<ReplenishmentLine> lines)
    {
        var ordered = lines.Where(l => l.OrderQuantity > 0)
            .Select(l => (Line: l, Supplier: l.Supplier ?? PurchaseOrderLine.Unassigned))
            .OrderBy(x => x.Supplier, StringComparer.Ordinal)
            .ThenBy(x => x.Line.Location, StringComparer.Ordinal)
            .ThenBy(x => x.Line.Sku, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count == 0)
            return;
        var ids = connection.Query<long>("SELECT nextval('purchase_order_line_ids') FROM range($count)", new { count = ordered.Count }).AsList();
        using var appender = connection.CreateAppender("purchase_order_lines");
        var number = 0;
        (string, string)? group = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var (l, supplier) = ordered[i];
            if (group != (supplier, l.Location))
            {
                group = (supplier, l.Location);
                number++;
            }
            appender.CreateRow()
                .AppendValue((long?)ids[i])
                .AppendValue((long?)id)
                .AppendValue($"PO-{id}-{number:000}")
                .AppendValue(supplier)
                .AppendValue(l.Location)
                .AppendValue(l.Sku)
                .AppendValue(l.OrderQuantity)
                .AppendValue(l.OrderQuantity)
                .AppendValue((int?)l.Parameters.PackSize.Value)
                .AppendValue(l.UnitCost)
                .AppendValue(PurchaseOrderLine.StatusSuggested)
                .AppendValue((DateTime?)created)
                .AppendValue((DateTime?)null)
                .AppendValue((DateTime?)null)
                .AppendValue((string?)null)
                .EndRow();
        }
    }

    /// <summary>The most recent replenishment run, or null when there is none.</summary>
    public async Task<ReplenishmentRunRecord?> LatestRunAsync(CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        return await connection.QuerySingleOrDefaultAsync<ReplenishmentRunRecord>(new CommandDefinition(
            $"SELECT {RunColumns} FROM replenishment_runs ORDER BY id DESC LIMIT 1", cancellationToken: cancellationToken));
    }

    /// <summary>One replenishment run, or null when there is none with this id.</summary>
    public async Task<ReplenishmentRunRecord?> FindRunAsync(long id, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        return await connection.QuerySingleOrDefaultAsync<ReplenishmentRunRecord>(new CommandDefinition(
            $"SELECT {RunColumns} FROM replenishment_runs WHERE id = $id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>A run's alerts in rank order (value at risk, highest first), at most <paramref name="top"/>.</summary>
    public async Task<IReadOnlyList<ReplenishmentAlert>> AlertsAsync(long runId, int top, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = await connection.QueryAsync<AlertRow>(new CommandDefinition("""
            SELECT location, sku, kind, severity, message, units, unit_cost AS UnitCost, value_at_risk AS ValueAtRisk, date
            FROM replenishment_alerts WHERE run_id = $runId ORDER BY rank LIMIT $top
            """, new { runId, top }, cancellationToken: cancellationToken));
        return rows.Select(ToAlert).ToList();
    }

    static ReplenishmentAlert ToAlert(AlertRow r) => new(r.Location, r.Sku, r.Kind, Enum.Parse<AlertSeverity>(r.Severity, ignoreCase: true),
        r.Message, r.Units, r.UnitCost, r.ValueAtRisk, r.Date);

    /// <summary>
    /// Writes a run's suggestions as CSV (header row, ISO dates): location, sku, order_qty, reason, then every
    /// explanation field; one row per location x sku ordered by location then sku. Written beside the target and
    /// moved over it, so a failed export leaves no half-written file.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No run has this id.</exception>
    public async Task ExportSuggestionsAsync(long runId, string path, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM replenishment_runs WHERE id = $runId", new { runId }, cancellationToken: cancellationToken)) == 0)
            throw new KeyNotFoundException($"There is no replenishment run {runId}.");
        await CopyAsync(connection, $"""
            SELECT {Safe("location")}, {Safe("sku")}, order_qty, {Safe("reason")}, {Safe("supplier")}, {Safe("category")},
                   abc, xyz, service_level, {Safe("service_level_source")}, policy, inventory_as_of, on_hand, on_order, open_po,
                   backorders, inventory_position, lead_time_days, review_period_days, lead_time_periods, review_periods,
                   demand_lead_time, demand_protection, safety_stock_method, safety_stock_periods, safety_stock,
                   reorder_point, order_up_to, lot_size, projected_stock, raw_need, pack_size, min_order_qty, max_order_qty,
                   max_stock, after_pack, after_minimum, after_maximum, after_max_stock, unit_cost, order_value, {Safe("sources")}
            FROM replenishment_suggestions WHERE run_id = {Number(runId)} ORDER BY location, sku
            """, path, "csv", cancellationToken);
    }

    /// <summary>A run's purchase-order lines, by purchase order then sku; optionally only those with one status.</summary>
    public async Task<IReadOnlyList<PurchaseOrderLine>> PurchaseOrderLinesAsync(long runId, string? status = null, PurchaseOrderFilter? filter = null,
        CancellationToken cancellationToken = default)
    {
        filter ??= PurchaseOrderFilter.All;
        using var connection = store.Open();
        var rows = await connection.QueryAsync<PurchaseOrderLine>(new CommandDefinition($"""
            SELECT {LineColumns} FROM purchase_order_lines
            WHERE run_id = $runId {(status is null ? "" : "AND status = $status")} {filter.Sql}
            ORDER BY po_number, sku
            """, Parameters(filter, new { runId, status }), cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Approves the run's suggested (or already approved) lines that match <paramref name="filter"/>, optionally with an
    /// edited quantity, in one transaction. Exported lines are final and left alone.
    /// </summary>
    /// <param name="quantity">Units to order instead of the suggestion: only for a filter naming one location and one
    /// sku; at least one pack and a multiple of the pack size.</param>
    /// <returns>The number of lines approved.</returns>
    /// <exception cref="ArgumentException">An edited quantity for more than one line, or not whole packs.</exception>
    public Task<int> ApproveAsync(long runId, PurchaseOrderFilter filter, int? quantity = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (quantity is not null && (filter.Location is null || filter.Sku is null))
            throw new ArgumentException("An edited quantity needs the line's location and sku.", nameof(quantity));
        return store.WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var lines = connection.Query<PurchaseOrderLine>($"""
                SELECT {LineColumns} FROM purchase_order_lines
                WHERE run_id = $runId AND status IN ('suggested', 'approved') {filter.Sql}
                """, Parameters(filter, new { runId }), transaction).AsList();
            if (quantity is { } q && lines.Count == 1 && (q < lines[0].PackSize || q % lines[0].PackSize != 0))
                throw new ArgumentException(
                    $"Quantity {q} for {lines[0].Location} / {lines[0].Sku} must be whole packs of {lines[0].PackSize} (at least one pack).", nameof(quantity));
            var approved = DateTime.UtcNow;
            foreach (var line in lines)
                connection.Execute("""
                    UPDATE purchase_order_lines SET status = 'approved', approved = $approved, quantity = $quantity WHERE id = $Id
                    """, new { line.Id, approved, quantity = quantity ?? line.Quantity }, transaction);
            transaction.Commit();
            return Task.FromResult(lines.Count);
        }, cancellationToken);
    }

    /// <summary>
    /// Writes the run's approved lines that match <paramref name="filter"/> to <paramref name="path"/> with DuckDB
    /// <c>COPY</c> (columns po_number, supplier, location, sku, quantity, pack_size, unit_cost, line_value,
    /// suggested_qty, line_id, run_id, approved; ordered by purchase order then sku) and marks them exported, in one
    /// transaction: if the file cannot be written, nothing is marked.
    /// </summary>
    /// <param name="format">"csv" or "parquet".</param>
    /// <returns>The number of lines exported; 0 writes no file.</returns>
    public Task<int> ExportPurchaseOrdersAsync(long runId, string path, string format, PurchaseOrderFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var options = FormatOptions(format);
        var csv = format.Equals("csv", StringComparison.OrdinalIgnoreCase);
        var target = Path.GetFullPath(path);
        return store.WriteAsync(async connection =>
        {
            using var transaction = connection.BeginTransaction();
            var where = $"run_id = {Number(runId)} AND status = 'approved'";
            var ids = connection.Query<long>($"SELECT id FROM purchase_order_lines WHERE {where} {filter.Sql}",
                Parameters(filter, new { }), transaction).AsList();
            if (ids.Count == 0)
                return 0;
            // COPY takes no parameters: the selected ids go in as a temporary table.
            connection.Execute("CREATE OR REPLACE TEMP TABLE export_ids (id BIGINT)", transaction: transaction);
            using (var appender = connection.CreateAppender("export_ids"))
                foreach (var lineId in ids)
                    appender.CreateRow().AppendValue((long?)lineId).EndRow();
            string Text(string column) => csv ? Safe(column) : column;
            var select = $"""
                SELECT {Text("po_number")}, {Text("supplier")}, {Text("location")}, {Text("sku")}, quantity, pack_size, unit_cost,
                       round(quantity * unit_cost, 4) AS line_value, suggested_qty, id AS line_id, run_id, approved
                FROM purchase_order_lines WHERE id IN (SELECT id FROM export_ids) ORDER BY po_number, sku
                """;
            var temporary = target + ".tmp";
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"COPY ({select}) TO '{temporary.Replace("'", "''")}' ({options})", transaction: transaction, cancellationToken: cancellationToken));
                connection.Execute("""
                    UPDATE purchase_order_lines SET status = 'exported', exported = $exported, export_path = $target
                    WHERE id IN (SELECT id FROM export_ids)
                    """, new { exported = DateTime.UtcNow, target }, transaction);
                File.Move(temporary, target, overwrite: true);
                transaction.Commit();
            }
            finally
            {
                File.Delete(temporary);
            }
            return ids.Count;
        }, cancellationToken);
    }

    /// <summary>
    /// One page of a run's suggestions with the product's name and the purchase-order line of each order (dashboard).
    /// </summary>
    public async Task<SuggestionPage> SuggestionsAsync(long runId, SuggestionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Page);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 1000);
        var where = new List<string> { "s.run_id = $runId" };
        if (query.Location is not null)
            where.Add("s.location = $location");
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim().ToLowerInvariant();
        if (search is not null)
            where.Add("(contains(lower(s.sku), $search) OR contains(lower(coalesce(p.name, '')), $search))");
        where.Add(query.Show switch
        {
            SuggestionFilter.Orders => "l.id IS NOT NULL",
            SuggestionFilter.Suggested => "l.status = 'suggested'",
            SuggestionFilter.Approved => "l.status = 'approved'",
            SuggestionFilter.Exported => "l.status = 'exported'",
            _ => "true",
        });
        var direction = query.Descending ? "DESC" : "ASC";
        var order = query.SortBy switch
        {
            SuggestionSortColumn.Quantity => $"coalesce(l.quantity, s.order_qty) {direction} NULLS LAST, ",
            SuggestionSortColumn.Value => $"coalesce(l.quantity, s.order_qty) * s.unit_cost {direction} NULLS LAST, ",
            SuggestionSortColumn.ProjectedStock => $"s.projected_stock {direction} NULLS LAST, ",
            _ => "",
        } + (query.SortBy == SuggestionSortColumn.Series ? $"s.location {direction}, s.sku {direction}" : "s.location, s.sku");
        var from = $"""
            FROM replenishment_suggestions s
            LEFT JOIN purchase_order_lines l ON l.run_id = s.run_id AND l.location = s.location AND l.sku = s.sku
            LEFT JOIN products p ON p.sku = s.sku
            WHERE {string.Join(" AND ", where)}
            """;
        var parameters = new { runId, location = query.Location, search, take = query.PageSize, skip = query.Page * query.PageSize };
        using var connection = store.Open();
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) {from}", parameters, cancellationToken: cancellationToken));
        // The page's rows are chosen by row id, then read whole: sorting every matching row with its 48 columns (the
        // explanations are long) took three times as long at M5 scale (24,063 orders) as sorting the ids.
        var rows = await connection.QueryAsync<StoredSuggestion>(new CommandDefinition($"""
            WITH page AS (SELECT s.rowid AS suggestion, l.rowid AS line {from} ORDER BY {order} LIMIT $take OFFSET $skip)
            SELECT {SuggestionColumns}
            FROM page
            JOIN replenishment_suggestions s ON s.rowid = page.suggestion
            LEFT JOIN purchase_order_lines l ON l.rowid = page.line
            LEFT JOIN products p ON p.sku = s.sku
            ORDER BY {order}
            """, parameters, cancellationToken: cancellationToken));
        return new SuggestionPage(rows.AsList(), (int)total);
    }

    /// <summary>One location x sku of a run with its purchase-order line, or null when the run did not plan it.</summary>
    public async Task<StoredSuggestion?> SuggestionAsync(long runId, string location, string sku, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(sku);
        using var connection = store.Open();
        return await connection.QuerySingleOrDefaultAsync<StoredSuggestion>(new CommandDefinition($"""
            SELECT {SuggestionColumns}
            FROM replenishment_suggestions s
            LEFT JOIN purchase_order_lines l ON l.run_id = s.run_id AND l.location = s.location AND l.sku = s.sku
            LEFT JOIN products p ON p.sku = s.sku
            WHERE s.run_id = $runId AND s.location = $location AND s.sku = $sku
            """, new { runId, location, sku }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// One page of a run's alerts in rank order (value at risk, highest first), with the counts per severity and the
    /// value at risk of every alert at the query's location.
    /// </summary>
    public async Task<AlertPage> AlertsAsync(long runId, AlertQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Page);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 1000);
        var atLocation = "run_id = $runId" + (query.Location is null ? "" : " AND location = $location");
        var matching = atLocation + (query.Severity is null ? "" : " AND severity = $severity");
        var parameters = new
        {
            runId, location = query.Location, severity = query.Severity is { } s ? SeverityName(s) : null,
            take = query.PageSize, skip = query.Page * query.PageSize,
        };
        using var connection = store.Open();
        var totals = await connection.QuerySingleAsync<(long Total, long Critical, long Warning, long Info, double Value)>(new CommandDefinition($"""
            SELECT count(*) FILTER (WHERE {(query.Severity is null ? "true" : "severity = $severity")}),
                   count(*) FILTER (WHERE severity = 'critical'), count(*) FILTER (WHERE severity = 'warning'),
                   count(*) FILTER (WHERE severity = 'info'), coalesce(sum(value_at_risk), 0)::DOUBLE
            FROM replenishment_alerts WHERE {atLocation}
            """, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<AlertRow>(new CommandDefinition($"""
            SELECT location, sku, kind, severity, message, units, unit_cost AS UnitCost, value_at_risk AS ValueAtRisk, date
            FROM replenishment_alerts WHERE {matching} ORDER BY rank LIMIT $take OFFSET $skip
            """, parameters, cancellationToken: cancellationToken));
        return new AlertPage(rows.Select(ToAlert).ToList(), (int)totals.Total, (int)totals.Critical, (int)totals.Warning, (int)totals.Info, totals.Value);
    }

    /// <summary>A run's purchase-order lines by status at one location (null = all), with the units and value approved.</summary>
    public async Task<PurchaseOrderSummary> PurchaseOrderSummaryAsync(long runId, string? location = null, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var row = await connection.QuerySingleAsync<(long Suggested, long Approved, long Exported, long Units, double Value)>(new CommandDefinition($"""
            SELECT count(*) FILTER (WHERE status = 'suggested'), count(*) FILTER (WHERE status = 'approved'),
                   count(*) FILTER (WHERE status = 'exported'),
                   coalesce(sum(quantity) FILTER (WHERE status = 'approved'), 0)::BIGINT,
                   coalesce(sum(quantity * coalesce(unit_cost, 0)) FILTER (WHERE status = 'approved'), 0)::DOUBLE
            FROM purchase_order_lines WHERE run_id = $runId {(location is null ? "" : "AND location = $location")}
            """, new { runId, location }, cancellationToken: cancellationToken));
        return new PurchaseOrderSummary((int)row.Suggested, (int)row.Approved, (int)row.Exported, row.Units, row.Value);
    }

    /// <summary>
    /// Approves purchase-order lines of a run, each with its own quantity (the suggestion or an edited one), in one
    /// transaction: either every line is approved or none.
    /// </summary>
    /// <returns>The number of lines approved.</returns>
    /// <exception cref="ArgumentException">A line named twice with different quantities, a line not in the run, or a
    /// quantity that is not whole packs (at least one).</exception>
    /// <exception cref="InvalidOperationException">A line is already exported: exported lines are final.</exception>
    public Task<int> ApproveLinesAsync(long runId, IReadOnlyList<LineApproval> approvals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approvals);
        var byId = new Dictionary<long, int>();
        foreach (var approval in approvals)
        {
            if (byId.TryGetValue(approval.LineId, out var quantity) && quantity != approval.Quantity)
                throw new ArgumentException($"Line {approval.LineId} is named twice with different quantities ({quantity}, {approval.Quantity}).", nameof(approvals));
            byId[approval.LineId] = approval.Quantity;
        }
        if (byId.Count == 0)
            return Task.FromResult(0);
        return store.WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute("CREATE OR REPLACE TEMP TABLE approve_lines (id BIGINT, quantity INTEGER)", transaction: transaction);
            using (var appender = connection.CreateAppender("approve_lines"))
                foreach (var (id, quantity) in byId)
                    appender.CreateRow().AppendValue((long?)id).AppendValue((int?)quantity).EndRow();
            var lines = connection.Query<PurchaseOrderLine>($"""
                SELECT {LineColumns} FROM purchase_order_lines WHERE run_id = $runId AND id IN (SELECT id FROM approve_lines)
                """, new { runId }, transaction).ToDictionary(l => l.Id);
            foreach (var (id, quantity) in byId.OrderBy(p => p.Key))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!lines.TryGetValue(id, out var line))
                    throw new ArgumentException($"Purchase-order line {id} is not a line of replenishment run {runId}.", nameof(approvals));
                if (line.Status == PurchaseOrderLine.StatusExported)
                    throw new InvalidOperationException($"{line.Location} / {line.Sku} ({line.PoNumber}) is already exported: exported lines are final.");
                if (quantity < line.PackSize || quantity % line.PackSize != 0)
                    throw new ArgumentException(
                        $"Quantity {quantity} for {line.Location} / {line.Sku} must be whole packs of {line.PackSize} (at least one pack).", nameof(approvals));
            }
            connection.Execute("""
                UPDATE purchase_order_lines SET status = 'approved', approved = $approved, quantity = a.quantity
                FROM approve_lines a WHERE purchase_order_lines.id = a.id
                """, new { approved = DateTime.UtcNow }, transaction);
            connection.Execute("DROP TABLE approve_lines", transaction: transaction);
            transaction.Commit();
            return Task.FromResult(byId.Count);
        }, cancellationToken);
    }

    /// <summary>The folder purchase-order exports of the app are written to: <c>exports</c> beside the store file.</summary>
    public string ExportsFolder => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store.Path))!, "exports");

    /// <summary>
    /// Exports a run's approved lines that match <paramref name="filter"/> (see <see cref="ExportPurchaseOrdersAsync"/>)
    /// to a new file in <see cref="ExportsFolder"/> named after the run and the time, e.g.
    /// <c>po-run-3-20261125-101112.csv</c>, and returns what was exported; null when no line was approved (no file).
    /// </summary>
    /// <param name="format">"csv" or "parquet".</param>
    public async Task<PurchaseOrderExport?> ExportApprovedAsync(long runId, string format, PurchaseOrderFilter filter, CancellationToken cancellationToken = default)
    {
        _ = FormatOptions(format); // an unknown format fails before anything is written
        var extension = format.ToLowerInvariant();
        Directory.CreateDirectory(ExportsFolder);
        var stem = $"po-run-{Number(runId)}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        var path = Reserve(stem, extension);
        try
        {
            if (await ExportPurchaseOrdersAsync(runId, path, format, filter, cancellationToken) == 0)
            {
                File.Delete(path);
                return null;
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return (await ExportsAsync(cancellationToken: cancellationToken)).FirstOrDefault(e => e.Path == path)
            ?? throw new InvalidOperationException($"The export {path} was written but is not recorded.");
    }

    /// <summary>
    /// Creates an empty file named <c>stem.extension</c> (or <c>stem-2.extension</c>, ... when taken) in the exports
    /// folder and returns its path: creating it is the reservation, so two exports in the same second never get the same
    /// name and neither overwrites the other.
    /// </summary>
    string Reserve(string stem, string extension)
    {
        for (var n = 1; ; n++)
        {
            var path = Path.Combine(ExportsFolder, n == 1 ? $"{stem}.{extension}" : $"{stem}-{n}.{extension}");
            try
            {
                using (new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                    return path;
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
    }

    /// <summary>Exports of purchase-order lines, newest first (one per file written), at most <paramref name="top"/>.</summary>
    public async Task<IReadOnlyList<PurchaseOrderExport>> ExportsAsync(int top = 20, CancellationToken cancellationToken = default)
    {
        using var connection = store.Open();
        var rows = await connection.QueryAsync<PurchaseOrderExport>(new CommandDefinition($"""
            {ExportsSelect} GROUP BY export_path, run_id ORDER BY min(exported) DESC, export_path LIMIT $top
            """, new { top }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// The newest recorded export written to a file named <paramref name="fileName"/> (a name without a folder, e.g.
    /// <c>po-run-3-20261125-101112.csv</c>); null when none is recorded. Only files the store recorded are found, so a
    /// name never reaches a file of its own choosing.
    /// </summary>
    public async Task<PurchaseOrderExport?> FindExportAsync(string fileName, CancellationToken cancellationToken = default)
    {
        if (fileName.Length == 0 || Path.GetFileName(fileName) != fileName)
            return null;
        using var connection = store.Open();
        var rows = await connection.QueryAsync<PurchaseOrderExport>(new CommandDefinition($"""
            {ExportsSelect} AND ends_with(export_path, $suffix)
            GROUP BY export_path, run_id ORDER BY min(exported) DESC, export_path
            """, new { suffix = Path.DirectorySeparatorChar + fileName }, cancellationToken: cancellationToken));
        return rows.FirstOrDefault(e => e.FileName == fileName);
    }

    /// <summary>One row per export file (to be grouped by export_path, run_id): what <see cref="PurchaseOrderExport"/> holds.</summary>
    const string ExportsSelect = """
        SELECT export_path AS Path, run_id AS RunId, min(exported) AS Exported, count(*)::INTEGER AS Lines,
               sum(quantity)::BIGINT AS Units, coalesce(sum(quantity * coalesce(unit_cost, 0)), 0)::DOUBLE AS Value
        FROM purchase_order_lines WHERE status = 'exported' AND export_path IS NOT NULL
        """;

    static async Task CopyAsync(DuckDBConnection connection, string select, string path, string format, CancellationToken cancellationToken)
    {
        var options = FormatOptions(format);
        var target = Path.GetFullPath(path);
        var temporary = target + ".tmp";
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"COPY ({select}) TO '{temporary.Replace("'", "''")}' ({options})", cancellationToken: cancellationToken));
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    static string FormatOptions(string format) => format.ToLowerInvariant() switch
    {
        "csv" => "FORMAT csv, HEADER true, DELIMITER ','",
        "parquet" => "FORMAT parquet",
        _ => throw new ArgumentException($"Unknown export format '{format}': use csv or parquet.", nameof(format)),
    };

    /// <summary>A text column with a leading formula character neutralised by a single quote, under its own name.</summary>
    static string Safe(string column) =>
        $"CASE WHEN left({column}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || {column} ELSE {column} END AS {column}";

    static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    static DynamicParameters Parameters(PurchaseOrderFilter filter, object values)
    {
        var parameters = new DynamicParameters(values);
        parameters.AddDynamicParams(new { filter.Supplier, filter.Location, filter.Sku, filter.PoNumber });
        return parameters;
    }

    static double? R(double? value) => value is { } v ? Math.Round(v, 4) : null;

    /// <summary>Lower-case severity name as stored ("critical", "warning", "info").</summary>
    public static string SeverityName(AlertSeverity severity) => severity.ToString().ToLowerInvariant();

    const string RunColumns = """
        id, created, as_of AS AsOf, forecast_run_id AS ForecastRunId, period_days AS PeriodDays, series, orders, alerts, seconds
        """;

    const string LineColumns = """
        id, run_id AS RunId, po_number AS PoNumber, supplier, location, sku, suggested_qty AS SuggestedQty, quantity,
        pack_size AS PackSize, unit_cost AS UnitCost, status, created, approved, exported, export_path AS ExportPath
        """;

    const string SuggestionColumns = """
        s.run_id AS RunId, s.location, s.sku, p.name, s.supplier, s.category, s.abc, s.xyz, s.service_level AS ServiceLevel,
        s.service_level_source AS ServiceLevelSource, s.policy, s.inventory_as_of AS InventoryAsOf, s.on_hand AS OnHand,
        s.on_order AS OnOrder, s.open_po AS OpenPurchaseOrders, s.backorders, s.inventory_position AS InventoryPosition,
        s.lead_time_days AS LeadTimeDays, s.review_period_days AS ReviewPeriodDays, s.lead_time_periods AS LeadTimePeriods,
        s.review_periods AS ReviewPeriods, s.demand_lead_time AS DemandOverLeadTime, s.demand_protection AS DemandOverProtectionPeriod,
        s.safety_stock_method AS SafetyStockMethod, s.safety_stock_periods AS SafetyStockPeriods, s.safety_stock AS SafetyStock,
        s.reorder_point AS ReorderPoint, s.order_up_to AS OrderUpToLevel, s.lot_size AS LotSize, s.projected_stock AS ProjectedStock,
        s.raw_need AS RawNeed, s.pack_size AS PackSize, s.min_order_qty AS MinOrderQuantity, s.max_order_qty AS MaxOrderQuantity,
        s.max_stock AS MaxStock, s.after_pack AS AfterPack, s.after_minimum AS AfterMinimum, s.after_maximum AS AfterMaximum,
        s.after_max_stock AS AfterMaximumStock, s.order_qty AS OrderQuantity, s.unit_cost AS UnitCost, s.order_value AS OrderValue,
        s.reason, s.sources, l.id AS LineId, l.po_number AS PoNumber, l.quantity AS LineQuantity, l.status AS LineStatus
        """;

    sealed record AlertRow(string Location, string Sku, string Kind, string Severity, string Message, double Units,
        double? UnitCost, double ValueAtRisk, DateOnly? Date);
}
