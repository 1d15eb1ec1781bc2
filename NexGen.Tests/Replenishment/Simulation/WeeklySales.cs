using System.Globalization;
using System.Text;
using NexGen.Core.Features;
using NexGen.Core.Ingestion;

namespace NexGen.Tests.Replenishment.Simulation;

/// <summary>Weekly sales written as a real CSV file, imported into a test store and loaded as a panel.</summary>
static class WeeklySales
{
    static readonly DateOnly Start = new(2024, 1, 5);

    /// <summary>Imports one location with a series per entry (sku S001, S002, ...; units per week) and loads the panel.</summary>
    public static async Task<SalesPanel> ImportAsync(TestStore test, IReadOnlyList<double[]> series, string products = "")
    {
        var csv = new StringBuilder("location,sku,date,quantity\n");
        for (var s = 0; s < series.Count; s++)
            for (var t = 0; t < series[s].Length; t++)
                csv.Append(CultureInfo.InvariantCulture, $"L1,S{s + 1:000},{Start.AddDays(7 * t):yyyy-MM-dd},{series[s][t]}\n");
        var report = await test.ImportAsync(DataKind.Sales, test.WriteFile("sales.csv", csv.ToString()));
        Assert.Equal(ImportStatus.Succeeded, report.Status);
        if (products.Length > 0)
            Assert.Equal(ImportStatus.Succeeded, (await test.ImportAsync(DataKind.Products, test.WriteFile("products.csv", products))).Status);
        return await new SalesPanelLoader(test.Store).LoadAsync();
    }
}
