using System.Text.Json;
using NexGen.Core.Features;
using NexGen.Core.Forecasting.Evaluation;
using NexGen.Core.Store;

namespace NexGen.Core.Forecasting;

/// <summary>
/// Forecasts with the active model, without backtesting or training: the daily "predict" run. The model's file, its
/// interval offsets and the run that trained it give everything else: the per-series choice of a baseline, the
/// error profile and the backtest metrics. It declines (with the reason) when no model is active, the data's features
/// differ from the model's, or the model covers a shorter horizon than asked.
/// </summary>
public sealed class ActiveModelForecaster(RunStore runs, ModelRegistry registry)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The forecast and the model used, or null and why the active model cannot make it.</summary>
    public async Task<(ForecastSet? Forecast, ModelRecord? Model, string Reason)> TryForecastAsync(
        SalesPanel panel, int cutoff, int horizon, CancellationToken cancellationToken = default)
    {
        var model = await registry.ActiveAsync(cancellationToken);
        if (model is null)
            return (null, null, "no model is active");
        var spec = FeatureSpec.For(panel);
        var trainedOn = JsonDocument.Parse(model.FeatureSpec).RootElement.GetProperty("names").EnumerateArray().Select(e => e.GetString()).ToList();
        if (!trainedOn.SequenceEqual(spec.Names))
            return (null, model, $"model {model.Id} was trained on other features than the data has now");
        var intervals = await registry.IntervalsAsync(model.Id, cancellationToken);
        if (intervals.Horizon == 0)
            return (null, model, $"model {model.Id} has no per-series interval calibration (it predates it)");
        if (intervals.Horizon < horizon)
            return (null, model, $"model {model.Id} forecasts {intervals.Horizon} periods ahead, not {horizon}");
        if (!File.Exists(model.Path))
            return (null, model, $"model {model.Id}'s file {model.Path} is missing");
        if (await runs.TrainingRunAsync(model.Id, cancellationToken) is not { } training)
            return (null, model, $"the run that trained model {model.Id} is gone");

        var options = JsonSerializer.Deserialize<GlobalModelOptions>(model.Parameters, Json)!;
        var trained = GlobalDemandModel.Load(model.Path, model.Hash, spec.Names, options.Seed);
        var forecaster = new GlobalForecaster(panel, spec, options);
        var point = forecaster.Predict(trained, cutoff, horizon);
        var builder = new FeatureBuilder(panel, spec);
        var scales = panel.Series.Select(s => s.First <= cutoff ? builder.Scale(s.Index, cutoff) : float.NaN).ToArray();
        var models = panel.Series.Select(s => s.First <= cutoff ? ModelNames.Global : "").ToArray();
        UseBaselinesChosenInTraining(panel, cutoff, horizon, point, models, await runs.SeriesModelsAsync(training.Id, cancellationToken));
        var calibration = intervals.Take(horizon);
        var errorScales = ForecastEngine.ErrorScales(panel, cutoff, scales);
        var quantiles = ForecastEngine.Quantiles(panel, cutoff, horizon, point, calibration, scales, errorScales);
        var metrics = JsonSerializer.Deserialize<Dictionary<string, AccuracyMetrics>>(model.BacktestMetrics ?? "{}", Json)!;
        var forecast = new ForecastSet(panel, cutoff, horizon, point, intervals.Levels, quantiles, models, trained, metrics,
            forecaster.Explain(trained, cutoff, top: 5), options, scales,
            await runs.ErrorProfileAsync(training.Id, cancellationToken), calibration)
        {
            AggregateIntervals = await runs.AggregateIntervalsAsync(training.Id, cancellationToken),
            ErrorScales = errorScales,
        };
        return (forecast, model, $"forecast with model {model.Id}");
    }

    /// <summary>Series the training run gave to a baseline keep that baseline, on their history up to this cutoff.</summary>
    static void UseBaselinesChosenInTraining(SalesPanel panel, int cutoff, int horizon, float[] point, string[] models,
        IReadOnlyDictionary<(string Location, string Sku), string> chosen)
    {
        var candidates = ForecastEngine.Candidates(panel.PeriodDays == 7 ? Baselines.SeriesGrain.Weekly : Baselines.SeriesGrain.Daily);
        foreach (var series in panel.Series.Where(s => s.First <= cutoff))
        {
            if (!chosen.TryGetValue((series.Location, series.Sku), out var name) || candidates.FirstOrDefault(c => c.Name == name) is not { } baseline)
                continue;
            var forecast = baseline.Forecast(panel.History(series.Index, cutoff), horizon);
            for (var h = 0; h < horizon; h++)
                point[series.Index * horizon + h] = (float)Math.Max(0, forecast[h]);
            models[series.Index] = name;
        }
    }
}
