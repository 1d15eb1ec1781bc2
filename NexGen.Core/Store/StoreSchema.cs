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
            run_id BIGINT NOT NULL, periods INTEGER NOT NULL, rank INTEGER NOT NULL, error DOUBLE NOT NULL);
        CREATE TABLE forecast_scales (
            run_id BIGINT NOT NULL, location VARCHAR NOT NULL, sku VARCHAR NOT NULL, scale DOUBLE NOT NULL);
        """,
        // 6: exogenous variables by location (null = every location) and date, in long form.
        """
        CREATE TABLE exogenous (
            location VARCHAR, date DATE NOT NULL, name VARCHAR NOT NULL, value DOUBLE NOT NULL, import_id BIGINT NOT NULL);
        """,
        // 7: API keys (SHA-256 of the key, never the key), users (ASP.NET Core Identity password hashes) and the audit log
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
    ];

    public static int Latest => Migrations.Count;
}
