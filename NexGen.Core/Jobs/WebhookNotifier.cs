using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NexGen.Core.Jobs;

/// <summary>
/// Posts a JSON payload to every configured webhook, in the background: a slow or failing receiver never blocks or
/// fails a run. Each POST has its own timeout; failures are logged with the URL's host only (URLs may carry tokens).
/// </summary>
public sealed class WebhookNotifier(IOptions<RefreshScheduleOptions> options, ILogger<WebhookNotifier> logger) : IDisposable
{
    readonly HttpClient _client = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Starts the POSTs and returns a task that ends when all have ended (awaited only by tests).</summary>
    public Task NotifyAsync(WebhookPayload payload)
    {
        var hooks = options.Value.Webhooks;
        if (hooks.Count == 0)
            return Task.CompletedTask;
        return Task.Run(() => Task.WhenAll(hooks.Select(url => PostAsync(url, payload))));
    }

    async Task PostAsync(string url, WebhookPayload payload)
    {
        using var timeout = new CancellationTokenSource(options.Value.WebhookTimeout);
        try
        {
            using var response = await _client.PostAsJsonAsync(url, payload, timeout.Token);
            if (!response.IsSuccessStatusCode)
                logger.LogWarning("Webhook to {Host} answered {Status} for {Event}.", Host(url), (int)response.StatusCode, payload.Event);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            logger.LogWarning("Webhook to {Host} failed for {Event}: {Error}", Host(url), payload.Event, e.Message);
        }
    }

    static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "(invalid URL)";

    public void Dispose() => _client.Dispose();
}
