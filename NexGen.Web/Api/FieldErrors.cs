using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NexGen.Web.Api;

/// <summary>
/// Collects the field errors of a request's parameters, which arrive as text and are parsed here, so that every bad
/// value gets a 400 naming its field instead of a bare binding failure.
/// </summary>
sealed class FieldErrors
{
    /// <summary>Longest accepted location or SKU, in characters.</summary>
    public const int MaxKeyLength = 200;

    readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message) =>
        (_errors.TryGetValue(field, out var list) ? list : _errors[field] = []).Add(message);

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "One or more parameters are invalid.");

    /// <summary>A yyyy-MM-dd date, or null when absent.</summary>
    public DateOnly? Date(string field, string? text)
    {
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Add(field, $"'{Shorten(text)}' is not a date of the form yyyy-MM-dd.");
        return null;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public long Number(string field, string? text, long fallback, long min, long max)
    {
        if (text is null)
            return fallback;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        Add(field, $"Must be a whole number from {min} to {max}, not '{Shorten(text)}'.");
        return fallback;
    }

    /// <summary>A location or SKU: at most <see cref="MaxKeyLength"/> characters, no control characters; null when absent.</summary>
    public string? Key(string field, string? text)
    {
        if (text is null)
            return null;
        if (text.Length is > 0 and <= MaxKeyLength && !text.Any(char.IsControl))
            return text;
        Add(field, $"Must be 1 to {MaxKeyLength} characters without control characters.");
        return null;
    }

    /// <summary>One of <paramref name="allowed"/> (any case), or <paramref name="fallback"/> when absent.</summary>
    public string OneOf(string field, string? text, string fallback, params string[] allowed)
    {
        if (text is null)
            return fallback;
        if (allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase)) is { } match)
            return match;
        Add(field, $"Must be one of {string.Join(", ", allowed)}, not '{Shorten(text)}'.");
        return fallback;
    }

    // Echoing a whole 10 MB value back would make the error as large as the attack.
    static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
