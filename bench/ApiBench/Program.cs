using System.Diagnostics;
using System.Globalization;
using System.Net;

// A bounded HTTP load test: CONCURRENCY workers send GET requests to one URL for SECONDS seconds, then the throughput,
// the p50 / p99 latency and the number of errors (any status but 200, or a failed request) are printed.
// Usage: api-bench URL [SECONDS=30] [CONCURRENCY=32]   (an API key, if any, from the NEXGEN_API_KEY variable)
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: api-bench URL [SECONDS=30] [CONCURRENCY=32]");
    return 2;
}
var url = new Uri(args[0]);
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;

using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    Timeout = TimeSpan.FromSeconds(30),
};
if (Environment.GetEnvironmentVariable("NEXGEN_API_KEY") is { Length: > 0 } key)
    client.DefaultRequestHeaders.Add("X-Api-Key", key);

// Warm up: connections, JIT, the first query.
for (var i = 0; i < concurrency; i++)
    (await client.GetAsync(url)).EnsureSuccessStatusCode();

var clock = Stopwatch.StartNew();
var end = TimeSpan.FromSeconds(seconds);
var errors = 0L;
var latencies = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
{
    var mine = new List<double>();
    while (clock.Elapsed < end)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
            if (response.StatusCode != HttpStatusCode.OK)
                Interlocked.Increment(ref errors);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref errors);
        }
        mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
    return mine;
}));
var elapsed = clock.Elapsed.TotalSeconds;
var all = latencies.SelectMany(l => l).Order().ToArray();
double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{url.PathAndQuery}: {all.Length:N0} requests in {elapsed:N1} s at concurrency {concurrency}: {all.Length / elapsed:N0} req/s, p50 {Percentile(0.50):N2} ms, p99 {Percentile(0.99):N2} ms, errors {errors}"));
return errors == 0 ? 0 : 1;
