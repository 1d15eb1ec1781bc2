using System.Text;

namespace NexGen.Tests.Web;

/// <summary>
/// A tiny folder of canonical sample files (what <c>samples/</c> holds, much smaller) so the web tests know
/// exactly what the app loads on first start: weekly sales on Fridays, 2 locations x 3 SKUs x 10 weeks.
/// </summary>
public static class WebSamples
{
    public const int SalesRows = 60;
    public const int Locations = 2;
    public const int Skus = 3;
    public const int Products = 3;
    public const int Events = 3;
    public static readonly DateOnly FirstFriday = new(2024, 1, 5);

    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        string[] locations = ["store-1", "store-2"];
        string[] skus = ["A1", "A2", "B1"];

        Write(folder, "locations.csv", "location,name,type,size\nstore-1,North,urban,1200\nstore-2,South,mall,800\n");
        Write(folder, "products.csv",
            "sku,name,category,unit_cost,unit_price\nA1,Apples,fruit,0.5,1.2\nA2,Apricots,fruit,0.8,1.9\nB1,Bread,bakery,0.9,2.5\n");

        var sales = new StringBuilder("location,sku,date,quantity\n");
        foreach (var location in locations)
            foreach (var sku in skus)
                for (var week = 0; week < 10; week++)
                    sales.Append($"{location},{sku},{FirstFriday.AddDays(7 * week):yyyy-MM-dd},{10 + week + sku.Length}\n");
        Write(folder, "sales.csv", sales.ToString());

        var inventory = new StringBuilder("location,sku,as_of,on_hand\n");
        foreach (var location in locations)
            foreach (var sku in skus)
                inventory.Append($"{location},{sku},2024-03-08,25\n");
        Write(folder, "inventory.csv", inventory.ToString());

        Write(folder, "promotions.csv", "location,sku,start,end,discount\nstore-1,A1,2024-02-02,2024-02-15,0.2\n");
        Write(folder, "events.csv", "date,name,kind\n2024-01-01,New Year,holiday\n2024-02-14,Valentine's Day,event\n2024-03-31,Easter,holiday\n");
    }

    /// <summary>Weekly sales (Fridays, like the samples) of a new location, so an import adds rows.</summary>
    public static string WeeklySales(string location, int weeks, string[] skus)
    {
        var text = new StringBuilder("location,sku,date,quantity\n");
        foreach (var sku in skus)
            for (var week = 0; week < weeks; week++)
                text.Append($"{location},{sku},{FirstFriday.AddDays(7 * week):yyyy-MM-dd},{3 + week}\n");
        return text.ToString();
    }

    static void Write(string folder, string name, string content) =>
        File.WriteAllText(Path.Combine(folder, name), content, new UTF8Encoding(false));
}
