using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NexGen.Core.Samples;

/// <summary>
/// Writes a deterministic retail dataset (stores, products, daily sales with prices and promotions, promotions,
/// holidays and events, closing inventory) as CSV files: UTF-8 without BOM, LF line endings, invariant culture,
/// ISO dates, empty field = missing. Sales stream series by series, so memory stays flat at any size
/// (M5 scale, 59 M rows, included).
/// </summary>
public sealed class SampleDataGenerator
{
    /// <summary>Daily sales: location,sku,date,quantity,price,promo (".gz" appended when gzipped).</summary>
    public const string SalesFile = "sales.csv";

    /// <summary>Product master: sku,name,category,unit_cost,unit_price,pack_size,min_order_qty,max_order_qty,lead_time_days,supplier.</summary>
    public const string ProductsFile = "products.csv";

    /// <summary>Closing stock per store x SKU: location,sku,as_of,on_hand,on_order.</summary>
    public const string InventoryFile = "inventory.csv";

    /// <summary>Promotions: location (empty = all stores),sku,start,end,discount (fraction off).</summary>
    public const string PromotionsFile = "promotions.csv";

    /// <summary>Holidays and events: date,name,kind (holiday or event).</summary>
    public const string EventsFile = "events.csv";

    /// <summary>Stores: location,name,type,size (square feet).</summary>
    public const string LocationsFile = "locations.csv";

    private const int ProgressStep = 100_000;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Generates the dataset into <paramref name="outputDirectory"/> (created if missing; existing files are
    /// overwritten). Files: sales.csv (or sales.csv.gz), products.csv, inventory.csv, promotions.csv, events.csv,
    /// locations.csv.
    /// </summary>
    /// <param name="salesRowsWritten">Receives the number of sales rows written so far, about every 100,000 rows and at the end.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="SampleDataOptions.Validate"/>).</exception>
    public async Task<SampleDataResult> GenerateAsync(
        SampleDataOptions options,
        string outputDirectory,
        IProgress<long>? salesRowsWritten = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options.Validate();
        Directory.CreateDirectory(outputDirectory);

        SampleCatalog catalog = await Task.Run(() => SampleCatalog.Build(options), cancellationToken).ConfigureAwait(false);
        string salesPath = Path.GetFullPath(Path.Combine(outputDirectory, options.Gzip ? SalesFile + ".gz" : SalesFile));
        string productsPath = Path.GetFullPath(Path.Combine(outputDirectory, ProductsFile));
        string inventoryPath = Path.GetFullPath(Path.Combine(outputDirectory, InventoryFile));
        string promotionsPath = Path.GetFullPath(Path.Combine(outputDirectory, PromotionsFile));
        string eventsPath = Path.GetFullPath(Path.Combine(outputDirectory, EventsFile));
        string locationsPath = Path.GetFullPath(Path.Combine(outputDirectory, LocationsFile));

        await WriteLinesAsync(locationsPath, "location,name,type,size", LocationLines(catalog), cancellationToken).ConfigureAwait(false);
        await WriteLinesAsync(productsPath, "sku,name,category,unit_cost,unit_price,pack_size,min_order_qty,max_order_qty,lead_time_days,supplier", ProductLines(catalog), cancellationToken).ConfigureAwait(false);
        await WriteLinesAsync(eventsPath, "date,name,kind", EventLines(catalog), cancellationToken).ConfigureAwait(false);
        await WriteLinesAsync(promotionsPath, "location,sku,start,end,discount", PromotionLines(catalog), cancellationToken).ConfigureAwait(false);
        long rows = await WriteSalesAndInventoryAsync(catalog, salesPath, inventoryPath, salesRowsWritten, cancellationToken).ConfigureAwait(false);

        return new SampleDataResult([salesPath, productsPath, inventoryPath, promotionsPath, eventsPath, locationsPath], rows);
    }

    private static async Task<long> WriteSalesAndInventoryAsync(
        SampleCatalog catalog,
        string salesPath,
        string inventoryPath,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        SampleDataOptions options = catalog.Options;
        var simulator = new SeriesSimulator(catalog);
        string asOf = Iso(catalog.Calendar.End);

        await using var salesFile = new FileStream(salesPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.SequentialScan);

        // SmallestSize keeps the committed sample small; the price is speed (M5 scale: about a minute, 4-5x plain CSV).
        await using Stream sales = options.Gzip
            ? new GZipStream(salesFile, CompressionLevel.SmallestSize, leaveOpen: true)
            : salesFile;
        await using var inventory = NewWriter(inventoryPath);
        await sales.WriteAsync("location,sku,date,quantity,price,promo\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await inventory.WriteAsync("location,sku,as_of,on_hand,on_order\n".AsMemory(), cancellationToken).ConfigureAwait(false);

        // Series are simulated in parallel but written strictly in (location, SKU) order: a bounded queue of
        // tasks, awaited first-in first-out, keeps the output independent of scheduling and memory bounded.
        int window = Math.Max(4, Environment.ProcessorCount * 4);
        var pending = new Queue<Task<SeriesOutput>>(window);
        long rows = 0;
        long reported = -1;
        try
        {
            for (int l = 0; l < options.Locations; l++)
            {
                for (int s = 0; s < options.Skus; s++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (pending.Count == window)
                    {
                        await WriteSeriesAsync(await pending.Dequeue().ConfigureAwait(false)).ConfigureAwait(false);
                    }

                    int location = l;
                    int sku = s;
                    pending.Enqueue(Task.Run(() => simulator.Run(location, sku), CancellationToken.None));
                }
            }

            while (pending.Count > 0)
            {
                await WriteSeriesAsync(await pending.Dequeue().ConfigureAwait(false)).ConfigureAwait(false);
            }
        }
        finally
        {
            // On cancellation or failure, let the running series finish and give their buffers back.
            while (pending.Count > 0)
            {
                SeriesOutput abandoned = await pending.Dequeue().ConfigureAwait(false);
                ArrayPool<byte>.Shared.Return(abandoned.Buffer);
            }
        }

        if (reported != rows)
        {
            progress?.Report(rows);
        }

        return rows;

        async Task WriteSeriesAsync(SeriesOutput series)
        {
            try
            {
                await sales.WriteAsync(series.Buffer.AsMemory(0, series.Length), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(series.Buffer);
            }

            string line = string.Create(
                CultureInfo.InvariantCulture,
                $"{catalog.Locations[series.LocationIndex].Id},{catalog.Skus[series.SkuIndex].Id},{asOf},{series.Inventory.OnHand},{series.Inventory.OnOrder}\n");
            await inventory.WriteAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);

            rows += options.Days;
            if (rows / ProgressStep > reported / ProgressStep)
            {
                progress?.Report(rows);
                reported = rows;
            }
        }
    }

    private static IEnumerable<string> LocationLines(SampleCatalog catalog) =>
        catalog.Locations.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Id},{l.Name},{l.Type},{l.SizeSqFt}"));

    private static IEnumerable<string> ProductLines(SampleCatalog catalog) =>
        catalog.Skus.Select(s => string.Create(
            CultureInfo.InvariantCulture,
            $"{s.Id},{s.Name},{s.Category.Name},{Money(s.UnitCostCents)},{Money(s.LastPriceCents)},{s.PackSize},{s.MinOrderQty},{s.MaxOrderQty},{s.LeadTimeDays},{s.Category.Supplier}"));

    private static IEnumerable<string> EventLines(SampleCatalog catalog) =>
        catalog.Calendar.Events.Select(e => $"{Iso(e.Date)},{e.Name},{e.Kind}");

    private static IEnumerable<string> PromotionLines(SampleCatalog catalog)
    {
        DateOnly start = catalog.Calendar.Start;
        foreach (SkuPlan sku in catalog.Skus)
        {
            foreach (PromotionPlan p in sku.Promotions)
            {
                string location = p.LocationIndex < 0 ? "" : catalog.Locations[p.LocationIndex].Id;
                yield return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{location},{sku.Id},{Iso(start.AddDays(p.StartDay))},{Iso(start.AddDays(p.EndDay))},0.{p.DiscountPercent:D2}");
            }
        }
    }

    private static async Task WriteLinesAsync(string path, string header, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        await using StreamWriter writer = NewWriter(path);
        await writer.WriteAsync((header + "\n").AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (string line in lines)
        {
            await writer.WriteAsync((line + "\n").AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static StreamWriter NewWriter(string path) =>
        new(path, Utf8NoBom, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 1 << 16 });

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(int cents) =>
        string.Create(CultureInfo.InvariantCulture, $"{cents / 100}.{cents % 100:D2}");
}
