namespace NexGen.Core.Store;

/// <summary>
/// The store's schema as an ordered list of migrations. <see cref="Latest"/> is the version a store is
/// upgraded to when it is opened; every migration runs in the transaction that records its version.
/// </summary>
public static class StoreSchema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: the canonical tables and the import audit.
        """
        CREATE SEQUENCE import_ids START 1;
        CREATE TABLE sales (
            location VARCHAR NOT NULL, sku VARCHAR NOT NULL, date DATE NOT NULL,
            quantity DOUBLE NOT NULL, price DOUBLE, promo BOOLEAN, import_id BIGINT NOT NULL);
        CREATE TABLE products (
            sku VARCHAR NOT NULL, name VARCHAR, category VARCHAR, unit_cost DOUBLE, unit_price DOUBLE,
            pack_size INTEGER, min_order_qty DOUBLE, max_order_qty DOUBLE, lead_time_days INTEGER,
            supplier VARCHAR, import_id BIGINT NOT NULL);
        CREATE TABLE inventory (
            location VARCHAR NOT NULL, sku VARCHAR NOT NULL, as_of DATE NOT NULL,
            on_hand DOUBLE NOT NULL, on_order DOUBLE, import_id BIGINT NOT NULL);
        CREATE TABLE promotions (
            location VARCHAR, sku VARCHAR, start DATE NOT NULL, "end" DATE NOT NULL, discount DOUBLE,
            import_id BIGINT NOT NULL);
        CREATE TABLE events (date DATE NOT NULL, name VARCHAR NOT NULL, kind VARCHAR, import_id BIGINT NOT NULL);
        CREATE TABLE imports (
            id BIGINT PRIMARY KEY, kind VARCHAR NOT NULL, file_name VARCHAR NOT NULL, sha256 VARCHAR,
            rows BIGINT NOT NULL, warnings BIGINT NOT NULL, started TIMESTAMP NOT NULL, finished TIMESTAMP,
            status VARCHAR NOT NULL, report VARCHAR NOT NULL);
        """,
        // 2: location attributes (e.g. Walmart's stores.csv) and dataset facts such as the sales grain.
        """
        CREATE TABLE locations (
            location VARCHAR NOT NULL, name VARCHAR, type VARCHAR, size DOUBLE, import_id BIGINT NOT NULL);
        CREATE TABLE dataset (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
        """,
        // 3: forecast/backtest/train runs with their forecasts, and the model registry with its activation history.
        """
        CREATE SEQUENCE run_ids START 1;
        CREATE TABLE runs (
            id BIGINT PRIMARY KEY, kind VARCHAR NOT NULL, trigger VARCHAR NOT NULL, parameters VARCHAR NOT NULL,
            data_version VARCHAR, started TIMESTAMP NOT NULL, finished TIMESTAMP, status VARCHAR NOT NULL,
            progress DOUBLE NOT NULL, phase VARCHAR, metrics VARCHAR, error VARCHAR, model_id BIGINT);
        CREATE TABLE forecasts (
            run_id BIGINT NOT NULL, location VARCHAR NOT NULL, sku VARCHAR NOT NULL, date DATE NOT NULL,
            forecast DOUBLE NOT NULL, p10 DOUBLE, p50 DOUBLE, p90 DOUBLE, p95 DOUBLE, model VARCHAR NOT NULL);
        CREATE SEQUENCE model_ids START 1;
        CREATE TABLE models (
            id BIGINT PRIMARY KEY, created TIMESTAMP NOT NULL, kind VARCHAR NOT NULL, parameters VARCHAR NOT NULL,
            training_from DATE, training_to DATE, feature_spec VARCHAR NOT NULL, backtest_metrics VARCHAR,
            wrmsse DOUBLE, path VARCHAR NOT NULL, hash VARCHAR NOT NULL);
        CREATE TABLE model_activations (model_id BIGINT NOT NULL, activated TIMESTAMP NOT NULL, reason VARCHAR NOT NULL);
        """,
        // 4: the features behind each series' first forecast period, for the product page.
        """
        CREATE TABLE forecast_explanations (
            run_id BIGINT NOT NULL, location VARCHAR NOT NULL, sku VARCHAR NOT NULL, rank INTEGER NOT NULL,
            feature VARCHAR NOT NULL, contribution DOUBLE NOT NULL);
        """,
        // 5: each run's error profile (normalised cumulative backtest errors per number of periods) and series scales,
        // from which replenishment sizes empirical safety stock.
        """
        CREATE TABLE forecast_error_profile (
            run_id BIGINT NOT NULL, scale_from DOUBLE NOT NULL, periods INTEGER NOT NULL, rank INTEGER NOT NULL,
            error DOUBLE NOT NULL);
        CREATE TABLE forecast_scales (
            run_id BIGINT NOT NULL, location VARCHAR NOT NULL, sku VARCHAR NOT NULL, scale DOUBLE NOT NULL);
        """,
        // 6: exogenous variables by location (null = every location) and date, in long form.
        """
        CREATE TABLE exogenous (
            location VARCHAR, date DATE NOT NULL, name VARCHAR NOT NULL, value DOUBLE NOT NULL, import_id BIGINT NOT NULL);
        """,
        // 7: each model's interval offsets (normalised residual quantiles per level and horizon), so it can forecast
        // again without retraining.
        """
        CREATE TABLE model_intervals (
            model_id BIGINT NOT NULL, level DOUBLE NOT NULL, horizon INTEGER NOT NULL, "offset" DOUBLE NOT NULL);
        """,
        // 8: replenishment runs with one explained suggestion per location x sku, their alerts, and purchase-order lines
        // (suggested -> approved -> exported) grouped by supplier and location.
        """
        CREATE SEQUENCE replenishment_run_ids START 1;
        CREATE TABLE replenishment_runs (
            id BIGINT PRIMARY KEY, created TIMESTAMP NOT NULL, as_of DATE NOT NULL, forecast_run_id BIGINT NOT NULL,
            period_days INTEGER NOT NULL, series INTEGER NOT NULL, orders INTEGER NOT NULL, alerts INTEGER NOT NULL,
            seconds DOUBLE NOT NULL);
        CREATE TABLE replenishment_suggestions (
            run_id BIGINT NOT NULL, location VARCHAR NOT NULL, sku VARCHAR NOT NULL, supplier VARCHAR, category VARCHAR,
            abc VARCHAR NOT NULL, xyz VARCHAR NOT NULL, service_level DOUBLE, service_level_source VARCHAR NOT NULL,
            policy VARCHAR, inventory_as_of DATE, on_hand DOUBLE, on_order DOUBLE, open_po DOUBLE, backorders DOUBLE,
            inventory_position DOUBLE, lead_time_days INTEGER NOT NULL, review_period_days INTEGER NOT NULL,
            lead_time_periods DOUBLE NOT NULL, review_periods DOUBLE NOT NULL, demand_lead_time DOUBLE,
            demand_protection DOUBLE, safety_stock_method VARCHAR, safety_stock_periods DOUBLE, safety_stock DOUBLE,
            reorder_point DOUBLE, order_up_to DOUBLE, lot_size DOUBLE, projected_stock DOUBLE, raw_need DOUBLE,
            pack_size INTEGER NOT NULL, min_order_qty INTEGER NOT NULL, max_order_qty INTEGER, max_stock INTEGER,
            after_pack INTEGER, after_minimum INTEGER, after_maximum INTEGER, after_max_stock INTEGER, order_qty INTEGER,
            unit_cost DOUBLE, order_value DOUBLE, reason VARCHAR NOT NULL, sources VARCHAR NOT NULL);
        CREATE TABLE replenishment_alerts (
            run_id BIGINT NOT NULL, rank INTEGER NOT NULL, location VARCHAR NOT NULL, sku VARCHAR NOT NULL,
            kind VARCHAR NOT NULL, severity VARCHAR NOT NULL, message VARCHAR NOT NULL, units DOUBLE NOT NULL,
            unit_cost DOUBLE, value_at_risk DOUBLE NOT NULL, date DATE);
        CREATE SEQUENCE purchase_order_line_ids START 1;
        CREATE TABLE purchase_order_lines (
            id BIGINT PRIMARY KEY, run_id BIGINT NOT NULL, po_number VARCHAR NOT NULL, supplier VARCHAR NOT NULL,
            location VARCHAR NOT NULL, sku VARCHAR NOT NULL, suggested_qty INTEGER NOT NULL, quantity INTEGER NOT NULL,
            pack_size INTEGER NOT NULL, unit_cost DOUBLE, status VARCHAR NOT NULL, created TIMESTAMP NOT NULL,
            approved TIMESTAMP, exported TIMESTAMP, export_path VARCHAR);
        """,
        // 9: the watermark of each SQL source: the largest watermark value its last load read.
        """
        CREATE TABLE source_watermarks (
            source VARCHAR PRIMARY KEY, value_type VARCHAR NOT NULL, value VARCHAR NOT NULL,
            import_id BIGINT NOT NULL, loaded TIMESTAMP NOT NULL);
        """,
        // 10: API keys (SHA-256 of the key, never the key), users (ASP.NET Core Identity password hashes) and the audit log
        // of who imported, ran, approved or changed what.
        """
        CREATE SEQUENCE api_key_ids START 1;
        CREATE TABLE api_keys (
            id BIGINT PRIMARY KEY, name VARCHAR NOT NULL, role VARCHAR NOT NULL, hash VARCHAR NOT NULL UNIQUE,
            prefix VARCHAR NOT NULL, created TIMESTAMP NOT NULL, revoked TIMESTAMP);
        CREATE SEQUENCE user_ids START 1;
        CREATE TABLE users (
            id BIGINT PRIMARY KEY, name VARCHAR NOT NULL UNIQUE, role VARCHAR NOT NULL, password_hash VARCHAR NOT NULL,
            created TIMESTAMP NOT NULL);
        CREATE SEQUENCE audit_ids START 1;
        CREATE TABLE audit_log (
            id BIGINT PRIMARY KEY, occurred TIMESTAMP NOT NULL, actor VARCHAR NOT NULL, action VARCHAR NOT NULL,
            target VARCHAR, details VARCHAR);
        """,
        // 11: each forecast run's calibration backtests per series (the model's and seasonal naive's forecasts from
        // each calibration origin beside what sold), for the product page.
        """
        CREATE TABLE forecast_backtests (
            run_id BIGINT NOT NULL, location VARCHAR NOT NULL, sku VARCHAR NOT NULL, origin DATE NOT NULL, date DATE NOT NULL,
            actual DOUBLE, forecast DOUBLE NOT NULL, naive DOUBLE);
        """,
        // 12: interval offsets per volume group of series, in units of each series' own error scale. Offsets of the
        // earlier kind (relative to the forecast's size) cannot be read that way, so their models retrain once.
        """
        DELETE FROM model_intervals;
        ALTER TABLE model_intervals ADD COLUMN scale_from DOUBLE DEFAULT 0;
        """,
        // 13: each forecast run's interval of the total (location null) and of each location, relative to their summed
        // point forecast and calibrated on their own errors.
        """
        CREATE TABLE forecast_aggregate_intervals (
            run_id BIGINT NOT NULL, location VARCHAR, level DOUBLE NOT NULL, "offset" DOUBLE NOT NULL);
        """,
        // 14: each series' error scale (units per period), the unit of its intervals and of the run's error profile,
        // whose errors are now normalised by it; earlier runs have none, so their safety stock uses the quantiles.
        """
        ALTER TABLE forecast_scales ADD COLUMN error_scale DOUBLE;
        """,
        // 15: each user's security stamp (a new one ends every session signed in with the old one) and whether the user
        // may sign in at all.
        """
        ALTER TABLE users ADD COLUMN stamp VARCHAR;
        ALTER TABLE users ADD COLUMN disabled BOOLEAN;
        UPDATE users SET stamp = CAST(gen_random_uuid() AS VARCHAR), disabled = false;
        """,
        // 16: the process each run belongs to and when it last said it was alive, so that a start-up fails only the runs
        // whose process has ended (RunOwner).
        """
        ALTER TABLE runs ADD COLUMN owner VARCHAR;
        ALTER TABLE runs ADD COLUMN heartbeat TIMESTAMP;
        """,
    ];

    public static int Latest => Migrations.Count;
}
