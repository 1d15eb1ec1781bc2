using System.Globalization;
using System.Text.Json;
using NexGen.Core.Forecasting;

namespace NexGen.Web.Forecasts;

/// <summary>
/// What a forecast run's <c>metrics</c> JSON says, for display: the cutoff, the horizon and its period length, and
/// each model's backtest accuracy by model name. Missing or undefined values are null, never an error.
/// </summary>
/// <param name="Cutoff">The last date whose data the forecast used.</param>
/// <param name="Horizon">Periods forecast after the cutoff.</param>
/// <param name="PeriodDays">Days per period: 7 for weekly sales, 1 for daily.</param>
/// <param name="Backtest">Backtest accuracy by model name (<see cref="ModelNames"/>).</param>
public sealed record ForecastRunMetrics(
    DateOnly? Cutoff,
    int? Horizon,
    int? PeriodDays,
    IReadOnlyDictionary<string, BacktestAccuracy> Backtest)
{
    public static readonly ForecastRunMetrics Empty = new(null, null, null, new Dictionary<string, BacktestAccuracy>());

    /// <summary>
    /// NexGen's backtest: its forecast with per-series model selection (<see cref="ModelNames.NexGen"/>) when the run
    /// recorded one, else the global model's, which is what runs record today.
    /// </summary>
    public BacktestAccuracy? NexGen =>
        Backtest.GetValueOrDefault(ModelNames.NexGen) ?? Backtest.GetValueOrDefault(ModelNames.Global);

    public BacktestAccuracy? SeasonalNaive => Backtest.GetValueOrDefault(ModelNames.SeasonalNaive);

    /// <summary>
    /// How much lower NexGen's WAPE is than seasonal naive's, relative to seasonal naive's (1 - nexgen / naive):
    /// 0.25 = 25 % better, negative = worse. Null when either is unknown or seasonal naive's is 0.
    /// </summary>
    public double? WapeImprovement =>
        NexGen?.Wape is { } nexGen && SeasonalNaive?.Wape is { } naive && naive > 0 ? 1 - nexGen / naive : null;

    /// <summary>
    /// Reads a run's metrics JSON (<c>{"cutoff":"2012-04-27","horizon":26,"periodDays":7,"backtest":{"nexgen_gbm":{...}}}</c>).
    /// A run's request parameters carry the same <c>cutoff</c> and <c>horizon</c> fields, so reading those tells what a
    /// run without metrics (a failed one) was asked for. Null, empty or malformed JSON gives <see cref="Empty"/>.
    /// </summary>
    public static ForecastRunMetrics Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return Empty;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Empty;
            var backtest = new Dictionary<string, BacktestAccuracy>();
            if (root.TryGetProperty("backtest", out var models) && models.ValueKind == JsonValueKind.Object)
                foreach (var model in models.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Object))
                    backtest[model.Name] = ReadAccuracy(model.Value);
            var horizon = Number(root, "horizon");
            var periodDays = Number(root, "periodDays");
            return new ForecastRunMetrics(Date(root, "cutoff"), ToInt(horizon), ToInt(periodDays), backtest);
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    static BacktestAccuracy ReadAccuracy(JsonElement model) => new(
        Number(model, "mae"), Number(model, "rmse"), Number(model, "wape"), Number(model, "bias"),
        Number(model, "rmsse"), Number(model, "wrmsse"), ToLong(Number(model, "series")), ToLong(Number(model, "points")));

    /// <summary>A finite number, also when written as a string; NaN, infinities and anything else are unknown.</summary>
    static double? Number(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
            return null;
        var number = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        return double.IsFinite(number) ? number : null;
    }

    static DateOnly? Date(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String &&
        DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    static int? ToInt(double? value) => value is >= int.MinValue and <= int.MaxValue ? (int)value.Value : null;

    static long? ToLong(double? value) => value is >= long.MinValue and <= long.MaxValue ? (long)value.Value : null;
}
