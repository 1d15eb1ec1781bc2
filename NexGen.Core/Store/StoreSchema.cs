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
    ];

    public static int Latest => Migrations.Count;
}
