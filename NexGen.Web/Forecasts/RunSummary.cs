using System.Globalization;
using System.Text.Json;
using NexGen.Core.Store;

namespace NexGen.Web.Forecasts;

/// <summary>
/// A row of the run history as the Forecasts &amp; runs page shows it: the run, what its metrics JSON says (backtest
/// of NexGen and of seasonal naive for a forecast run; rows ingested and the forecast it started for a refresh), and
/// the texts of its cells. Built once per load, so the page renders without parsing.
/// </summary>
public sealed record RunSummary
{
    public required RunRecord Run { get; init; }

    /// <summary>The forecast run's cutoff, horizon and backtest (<see cref="ForecastRunMetrics.Empty"/> for other kinds).</summary>
    public required ForecastRunMetrics Metrics { get; init; }

    /// <summary>How the run got its model: "retrained", "forecast with model 3", "retrained: no model is active", ...</summary>
    public string? ModelChoice { get; init; }

    /// <summary>A refresh run's rows loaded from the SQL sources.</summary>
    public long? RowsIngested { get; init; }

    /// <summary>The forecast run a refresh run started.</summary>
    public long? ForecastRun { get; init; }

    public long Id => Run.Id;

    /// <summary>A succeeded forecast run: its forecasts are in the store and can be downloaded.</summary>
    public bool HasForecasts => Run.Kind == "forecast" && Run.Status == "succeeded";

    /// <summary>NexGen's backtest WAPE and WRMSSE beside seasonal naive's, e.g. "36.9 % vs 51.5 %"; "–" when not recorded.</summary>
    public string Wape => Versus(Metrics.NexGen?.Wape, Metrics.SeasonalNaive?.Wape, Percent);

    public string Wrmsse => Versus(Metrics.NexGen?.Wrmsse, Metrics.SeasonalNaive?.Wrmsse, Ratio);

    /// <summary>NexGen's WAPE is below seasonal naive's (true), above (false), or unknown (null).</summary>
    public bool? BeatsNaive => Metrics.WapeImprovement is { } improvement ? improvement > 0 : null;

    /// <summary>A forecast run (other kinds have no cutoff, horizon or backtest).</summary>
    public bool IsForecast => Run.Kind == "forecast";

    /// <summary>The history's cells of a forecast run, e.g. "2024-06-28 · 13 wk" and "7.9 % vs 5.4 %"; empty for other kinds.</summary>
    public string CutoffHorizonCell => IsForecast ? $"{Metrics.Cutoff?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–"} · {HorizonText}" : "";

    public string WapeCell => IsForecast ? Wape : "";

    public string WrmsseCell => IsForecast ? Wrmsse : "";

    /// <summary>The WAPE cell's class: green when NexGen beats seasonal naive, amber when it loses.</summary>
    public string WapeClass => BeatsNaive switch
    {
        true => "beats-naive",
        false => "loses-to-naive",
        null => "",
    };

    public bool Failed => Run.Status == "failed";

    string HorizonText => Metrics.Horizon is not { } horizon
        ? "–"
        : Metrics.PeriodDays switch
        {
            7 => $"{horizon} wk",
            1 => $"{horizon} d",
            _ => $"{horizon}",
        };

    /// <summary>The wall-clock time of the run, or how long it has been going.</summary>
    public string Duration(DateTime nowUtc) => Format((Run.Finished ?? nowUtc) - Run.Started);

    /// <summary>What the run's row says besides its figures: the error of a failed run, the summary of a refresh, the model choice.</summary>
    public string? Note => Run.Status is "failed" or "cancelled"
        ? Run.Error
        : Run.Kind == "refresh"
            ? Run.Phase
            : ModelChoice;

    public static RunSummary From(RunRecord run)
    {
        var summary = new RunSummary
        {
            Run = run,
            // A run without metrics (failed, still going) still says what it was asked for in its parameters.
            Metrics = run.Kind == "forecast" ? ForecastRunMetrics.Parse(run.Metrics ?? run.Parameters) : ForecastRunMetrics.Empty,
        };
        if (string.IsNullOrWhiteSpace(run.Metrics))
            return summary;
        try
        {
            using var document = JsonDocument.Parse(run.Metrics);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return summary;
            return summary with
            {
                ModelChoice = root.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String ? model.GetString() : null,
                RowsIngested = Long(root, "rowsIngested"),
                ForecastRun = Long(root, "forecastRun"),
            };
        }
        catch (JsonException)
        {
            return summary;
        }
    }

    static long? Long(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    internal static string Versus(double? nexGen, double? naive, Func<double, string> format) => (nexGen, naive) switch
    {
        (null, null) => "–",
        ({ } a, null) => format(a),
        (null, { } b) => $"– vs {format(b)}",
        ({ } a, { } b) => $"{format(a)} vs {format(b)}",
    };

    internal static string Percent(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    internal static string Ratio(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    internal static string Format(TimeSpan span) => span switch
    {
        { TotalSeconds: < 0 } => "–",
        { TotalSeconds: < 60 } => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min {span.Seconds} s",
        _ => $"{(int)span.TotalHours} h {span.Minutes} min",
    };
}
