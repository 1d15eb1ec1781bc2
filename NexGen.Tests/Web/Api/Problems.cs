using System.Net;
using System.Text.Json;

namespace NexGen.Tests.Web.Api;

/// <summary>Reads API answers in tests: the exact status, and a problem details body with its fields.</summary>
static class Problems
{
    /// <summary>Asserts the status and a problem+json body with the same status and no stack trace; returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        return body;
    }

    /// <summary>Asserts a 400 validation problem whose field errors name exactly <paramref name="fields"/>.</summary>
    public static async Task AssertFieldErrorsAsync(HttpResponseMessage response, params string[] fields)
    {
        var body = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var named = body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(fields.Order().ToArray(), named);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
