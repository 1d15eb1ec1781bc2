namespace NexGen.Core.Ingestion;

/// <summary>
/// The canonical tables NexGen imports into, with the header aliases each column answers to.
/// The store's DDL (<see cref="Store.StoreSchema"/>) holds the same columns plus <c>import_id</c>.
/// </summary>
public static class CanonicalTables
{
    public const string Location = "location";

    static readonly string[] LocationAliases = ["store", "store_id", "store_nbr", "location_id", "loc", "shop", "site", "warehouse", "branch"];
    static readonly string[] SkuAliases = ["dept", "item", "item_id", "item_code", "product", "product_id", "sku_id", "article", "material"];

    public static readonly CanonicalTable Sales = new(DataKind.Sales, "sales",
    [
        new(Location, ColumnType.Text, true, true, LocationAliases),
        new("sku", ColumnType.Text, true, true, SkuAliases),
        new("date", ColumnType.Date, true, true, ["day", "week", "period", "ds", "sale_date", "order_date", "week_start", "date_time"]),
        new("quantity", ColumnType.Number, true, false, ["qty", "units", "sales", "weekly_sales", "units_sold", "unit_sales", "demand", "volume", "sold", "y"],
            MergeSql: "sum(quantity)", NonNegative: true),
        new("price", ColumnType.Number, false, false, ["sell_price", "sale_price", "unit_price", "avg_price"],
            MergeSql: "coalesce(sum(price * quantity) / nullif(sum(quantity), 0), avg(price))"),
        new("promo", ColumnType.Boolean, false, false, ["promotion", "on_promo", "onpromotion", "is_promo", "promo_flag"], MergeSql: "bool_or(promo)"),
    ]);

    public static readonly CanonicalTable Products = new(DataKind.Products, "products",
    [
        new("sku", ColumnType.Text, true, true, SkuAliases),
        new("name", ColumnType.Text, false, false, ["description", "product_name", "item_name", "title"]),
        new("category", ColumnType.Text, false, false, ["family", "group", "class", "cat_id", "product_category"]),
        new("unit_cost", ColumnType.Number, false, false, ["cost", "cost_price", "purchase_price"]),
        new("unit_price", ColumnType.Number, false, false, ["price", "retail_price", "sell_price", "list_price"]),
        new("pack_size", ColumnType.Integer, false, false, ["pack", "case_size", "case_pack", "units_per_pack"]),
        new("min_order_qty", ColumnType.Number, false, false, ["moq", "min_order", "minimum_order_quantity", "min_qty"]),
        new("max_order_qty", ColumnType.Number, false, false, ["max_order", "maximum_order_quantity", "max_qty"]),
        new("lead_time_days", ColumnType.Integer, false, false, ["lead_time", "leadtime", "lt_days"]),
        new("supplier", ColumnType.Text, false, false, ["vendor", "supplier_id", "vendor_id"]),
    ]);

    public static readonly CanonicalTable Inventory = new(DataKind.Inventory, "inventory",
    [
        new(Location, ColumnType.Text, true, true, LocationAliases),
        new("sku", ColumnType.Text, true, true, SkuAliases),
        new("as_of", ColumnType.Date, true, true, ["date", "asof", "snapshot_date", "stock_date"]),
        new("on_hand", ColumnType.Number, true, false, ["onhand", "stock", "qty_on_hand", "on_hand_qty", "inventory", "stock_level"],
            MergeSql: "sum(on_hand)"),
        new("on_order", ColumnType.Number, false, false, ["onorder", "open_orders", "incoming", "in_transit"], MergeSql: "sum(on_order)"),
    ]);

    public static readonly CanonicalTable Promotions = new(DataKind.Promotions, "promotions",
    [
        new(Location, ColumnType.Text, false, true, LocationAliases),
        new("sku", ColumnType.Text, false, true, SkuAliases),
        new("start", ColumnType.Date, true, true, ["start_date", "from", "begin", "date_from"]),
        new("end", ColumnType.Date, true, true, ["end_date", "to", "until", "date_to"]),
        new("discount", ColumnType.Fraction, false, false, ["discount_pct", "pct_off", "markdown"]),
    ]);

    public static readonly CanonicalTable Events = new(DataKind.Events, "events",
    [
        new("date", ColumnType.Date, true, true, ["day", "event_date", "holiday_date"]),
        new("name", ColumnType.Text, true, true, ["event", "holiday", "description", "event_name"]),
        new("kind", ColumnType.Text, false, false, ["type", "category", "event_type"]),
    ]);

    public static readonly CanonicalTable Locations = new(DataKind.Locations, "locations",
    [
        new(Location, ColumnType.Text, true, true, LocationAliases),
        new("name", ColumnType.Text, false, false, ["location_name", "store_name", "description"]),
        new("type", ColumnType.Text, false, false, ["store_type", "format", "kind"]),
        new("size", ColumnType.Number, false, false, ["area", "sqft", "square_feet", "floor_area"]),
    ]);

    /// <summary>
    /// Long form of exogenous variables; a file without name and value columns is wide and read as one row per
    /// variable column (see <see cref="DataKind.Exogenous"/>). No location means every location.
    /// </summary>
    public static readonly CanonicalTable Exogenous = new(DataKind.Exogenous, "exogenous",
    [
        new(Location, ColumnType.Text, false, true, LocationAliases),
        new("date", ColumnType.Date, true, true, ["day", "week", "period", "ds", "week_start"]),
        new("name", ColumnType.Text, false, true, ["variable", "feature"]),
        new("value", ColumnType.Measure, false, false, [], MergeSql: "avg(value)"),
    ]);

    public static IReadOnlyList<CanonicalTable> All { get; } = [Sales, Products, Inventory, Promotions, Events, Locations, Exogenous];

    public static CanonicalTable For(DataKind kind) => All.First(t => t.Kind == kind);
}
