using System.Globalization;
using NexGen.Core.Store;

namespace NexGen.Web.Forecasts;

/// <summary>A row of the model registry as the Forecasts &amp; runs page shows it: the model, whether it is active, and its backtest beside seasonal naive's.</summary>
public sealed record ModelSummary(ModelRecord Model, bool Active, ForecastRunMetrics Backtest)
{
    public long Id => Model.Id;

    /// <summary>The history the model was trained on, e.g. "2024-01-05 – 2024-03-08".</summary>
    public string TrainingWindow => Model.TrainingFrom is null && Model.TrainingTo is null
        ? "–"
        : $"{Date(Model.TrainingFrom)} – {Date(Model.TrainingTo)}";

    /// <summary>The backtest WRMSSE the registry compares models by (lower is better).</summary>
    public string Wrmsse => Model.Wrmsse is { } value && double.IsFinite(value) ? RunSummary.Ratio(value) : "–";

    public string Wape => RunSummary.Versus(Backtest.NexGen?.Wape, Backtest.SeasonalNaive?.Wape, RunSummary.Percent);

    public string NaiveWrmsse => Backtest.SeasonalNaive?.Wrmsse is { } naive ? RunSummary.Ratio(naive) : "–";

    /// <summary>
    /// Reads a registered model. Its backtest metrics JSON is what the run that trained it recorded under
    /// <c>backtest</c> (model name -> accuracy), so the run's parser reads it.
    /// </summary>
    public static ModelSummary From(ModelRecord model, bool active) =>
        new(model, active, string.IsNullOrWhiteSpace(model.BacktestMetrics)
            ? ForecastRunMetrics.Empty
            : ForecastRunMetrics.Parse($"{{\"backtest\":{model.BacktestMetrics}}}"));

    static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…";
}
