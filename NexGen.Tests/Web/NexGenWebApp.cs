using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NexGen.Tests.Web;

/// <summary>
/// The whole NexGen web app running inside the test process on a real loopback port (Kestrel, so a browser can
/// reach it), with its own temporary store and samples folder given through configuration like any setting.
/// </summary>
public sealed class NexGenWebApp : IAsyncDisposable
{
    readonly Factory _factory;

    NexGenWebApp(string folder, Factory factory, string baseUrl)
    {
        Folder = folder;
        _factory = factory;
        BaseUrl = baseUrl;
    }

    /// <summary>The temporary folder holding the store (<c>store.duckdb</c>) and the samples (<c>samples/</c>).</summary>
    public string Folder { get; }

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    public IServiceProvider Services => _factory.Services;

    public string StorePath => Path.Combine(Folder, "store.duckdb");

    /// <summary>
    /// Starts the app on a free port after writing <see cref="WebSamples"/> to its samples folder.
    /// <paramref name="settings"/> override settings (keys like <c>NexGen:MaxUploadBytes</c>); the schedule is off
    /// unless they set <c>Scheduling:Enabled</c>. With <paramref name="anyAddress"/> the app listens on every address
    /// (0.0.0.0), not loopback alone.
    /// </summary>
    public static NexGenWebApp Start(IReadOnlyDictionary<string, string?>? settings = null, bool anyAddress = false)
    {
        var folder = Directory.CreateTempSubdirectory("nexgen-web-").FullName;
        var samples = Path.Combine(folder, "samples");
        WebSamples.Write(samples);
        var all = new Dictionary<string, string?>
        {
            ["NexGen:StorePath"] = Path.Combine(folder, "store.duckdb"),
            ["NexGen:SamplesPath"] = samples,
            ["NexGen:LoadSamplesOnFirstStart"] = "true",
            // No scheduled refresh fires in the middle of a test unless the test asks for one.
            ["Scheduling:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;

        var factory = new Factory(all);
        try
        {
            if (anyAddress)
                factory.UseKestrel(kestrel => kestrel.ListenAnyIP(0));
            else
                factory.UseKestrel(0);
            factory.StartServer();
            var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
                ?? throw new InvalidOperationException("Kestrel reports no addresses.");
            var baseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
            return new NexGenWebApp(folder, factory, baseUrl);
        }
        catch
        {
            factory.Dispose();
            DeleteQuietly(folder);
            throw;
        }
    }

    public T GetRequiredService<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        DeleteQuietly(Folder);
    }

    static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A DuckDB handle still closing; the temp folder is left for the OS to clean.
        }
    }

    /// <summary>Settings go in last, so they win over appsettings.json like command-line settings would.</summary>
    internal sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        }
    }
}
