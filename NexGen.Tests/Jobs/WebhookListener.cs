using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace NexGen.Tests.Jobs;

/// <summary>An HTTP listener on a free loopback port that records every JSON body POSTed to it.</summary>
public sealed class WebhookListener : IDisposable
{
    readonly HttpListener _listener = new();
    readonly List<JsonElement> _received = [];
    readonly SemaphoreSlim _arrived = new(0);

    public WebhookListener()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ListenAsync);
    }

    public string Url { get; }

    /// <summary>Waits for the next payload, failing the test after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> NextAsync(TimeSpan timeout)
    {
        Assert.True(await _arrived.WaitAsync(timeout), $"No webhook arrived within {timeout.TotalSeconds} s.");
        lock (_received)
            return _received[^1];
    }

    public int Count
    {
        get { lock (_received) return _received.Count; }
    }

    async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using (var document = await JsonDocument.ParseAsync(context.Request.InputStream))
                lock (_received)
                    _received.Add(document.RootElement.Clone());
            context.Response.StatusCode = 204;
            context.Response.Close();
            _arrived.Release();
        }
    }

    public void Dispose() => _listener.Close();
}
