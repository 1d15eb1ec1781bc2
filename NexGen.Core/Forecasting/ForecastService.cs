using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using NexGen.Core.Features;
using NexGen.Core.Store;

namespace NexGen.Core.Forecasting;

/// <summary>
/// The single entry point for forecast runs: the button, the scheduler, the API and the CLI all call
/// <see cref="RunAsync"/>. One run at a time; a second request gets <see cref="RunInProgressException"/>. A run
/// is recorded in <c>runs</c>, trains a model (saved beside the store and registered), and writes its forecasts in one
/// transaction. A failed or cancelled run writes no forecasts and leaves the active model as it was.
/// </summary>
public sealed class ForecastService(DuckDbStore store, RunStore runs, ModelRegistry registry)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    readonly SemaphoreSlim _gate = new(1, 1);
    readonly Lock _sync = new();
    CancellationTokenSource? _cancel;
    long _running;

    /// <summary>Whether a run is in progress.</summary>
    public bool IsRunning => Interlocked.Read(ref _running) != 0;

    /// <summary>Progress of the run in progress, or null.</summary>
    public RunProgress? Current { get; private set; }

    /// <summary>Raised on every progress step and when a run ends (from the run's thread).</summary>
    public event Action<RunProgress>? ProgressChanged;

    public string ModelsFolder => Path.Combine(Path.GetDirectoryName(store.Path)!, "models");

    /// <summary>Runs a forecast to the end and returns its run record (succeeded, failed or cancelled).</summary>
    public async Task<RunRecord> RunAsync(ForecastRunRequest request, CancellationToken cancellationToken = default) =>
        await (await StartAsync(request, cancellationToken)).Completion;

    /// <summary>
    /// Records a forecast run and returns as soon as it is recorded, with the run's id and a task that ends with it
    /// (callers that answer at once, like the API, keep the id and let the run go on). <see cref="Cancel"/> or
    /// <paramref name="cancellationToken"/> cancels it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is not 1 to 400 periods.</exception>
    /// <exception cref="RunInProgressException">Another run is in progress.</exception>
    public Task<StartedRun> StartAsync(ForecastRunRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Horizon is < 1 or > MaxHorizon)
            throw new ArgumentOutOfRangeException(nameof(request), request.Horizon, $"The horizon must be 1 to {MaxHorizon} periods.");
        return StartAsync("forecast", request.Trigger, JsonSerializer.Serialize(request, Json),
            (id, token) => ExecuteAsync(id, request, token), cancellationToken);
    }

    /// <summary>
    /// Records a rolling-origin backtest run (kind <c>backtest</c>) and returns once it is recorded, like
    /// <see cref="StartAsync(ForecastRunRequest, CancellationToken)"/>. Its metrics per model become the run's metrics;
    /// it writes no forecasts and trains no registered model.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is not 1 to 400 periods or the windows not 1 to 20.</exception>
    /// <exception cref="RunInProgressException">Another run is in progress.</exception>
    public Task<StartedRun> StartBacktestAsync(BacktestRunRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Horizon is < 1 or > MaxHorizon)
            throw new ArgumentOutOfRangeException(nameof(request), request.Horizon, $"The horizon must be 1 to {MaxHorizon} periods.");
        if (request.Windows is < 1 or > MaxWindows)
            throw new ArgumentOutOfRangeException(nameof(request), request.Windows, $"The windows must be 1 to {MaxWindows}.");
        return StartAsync("backtest", request.Trigger, JsonSerializer.Serialize(request, Json),
            (id, token) => ExecuteBacktestAsync(id, request, token), cancellationToken);
    }

    /// <summary>Largest horizon a run accepts, in periods.</summary>
    public const int MaxHorizon = 400;

    /// <summary>Most backtest windows a run accepts.</summary>
    public const int MaxWindows = 20;

    /// <summary>Asks the run in progress to stop if its id is <paramref name="runId"/>; false when that run is not running.</summary>
    public bool Cancel(long runId)
    {
        lock (_sync)
        {
            if (_cancel is null || Interlocked.Read(ref _running) != runId)
                return false;
            _cancel.Cancel();
            return true;
        }
    }

    async Task<StartedRun> StartAsync(string kind, string trigger, string parametersJson, Func<long, CancellationToken, Task> execute, CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(0, cancellationToken))
            throw new RunInProgressException(Interlocked.Read(ref _running));
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        long id;
        try
        {
            id = await runs.StartAsync(kind, trigger, parametersJson, await DataVersionAsync(), cancellationToken);
        }
        catch
        {
            cancel.Dispose();
            _gate.Release();
            throw;
        }
        lock (_sync)
        {
            _cancel = cancel;
            Interlocked.Exchange(ref _running, id);
        }
        return new StartedRun(id, Task.Run(() => FinishAsync(id, execute, cancel), CancellationToken.None));
    }

    async Task<RunRecord> FinishAsync(long id, Func<long, CancellationToken, Task> execute, CancellationTokenSource cancel)
    {
        try
        {
            await using (runs.KeepAlive(id))
            {
                try
                {
                    await execute(id, cancel.Token);
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                {
                    await WhenStoreFreeAsync(id, () => runs.FailAsync(id, cancelled: true, "cancelled", CancellationToken.None), CancellationToken.None);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    await WhenStoreFreeAsync(id, () => runs.FailAsync(id, cancelled: false, e.Message, CancellationToken.None), CancellationToken.None);
                }
            }
            Report(new RunProgress(id, "finished", 1));
            return (await runs.FindAsync(id, CancellationToken.None))!;
        }
        finally
        {
            lock (_sync)
            {
                Current = null;
                _cancel = null;
                Interlocked.Exchange(ref _running, 0);
            }
            cancel.Dispose();
            _gate.Release();
        }
    }

    async Task ExecuteBacktestAsync(long id, BacktestRunRequest request, CancellationToken cancellationToken)
    {
        Report(new RunProgress(id, "loading sales", 0));
        var panel = await new SalesPanelLoader(store).LoadAsync(cancellationToken);
        var options = new ForecastEngineOptions
        {
            Horizon = request.Horizon,
            CalibrationWindows = request.CalibrationWindows,
            Model = request.Model ?? new GlobalModelOptions(),
        };
        var result = new Backtester(panel, options).Run(new BacktestOptions(request.Windows, request.Horizon, Cutoff: request.Cutoff),
            new InlineProgress((phase, fraction) => Report(new RunProgress(id, phase, 0.05 + 0.9 * fraction))), cancellationToken);
        var metrics = JsonSerializer.Serialize(new
        {
            cutoffs = result.Cutoffs,
            horizon = result.Horizon,
            periodDays = panel.PeriodDays,
            backtest = result.Metrics,
            coverage = result.Coverage,
            coverageTotal = result.TotalCoverage,
            intervals = result.IntervalScores,
        }, Json);
        await WhenStoreFreeAsync(id, () => runs.CompleteAsync(id, metrics, null, [], cancellationToken), cancellationToken);
    }

    async Task ExecuteAsync(long id, ForecastRunRequest request, CancellationToken cancellationToken)
    {
        var lastWrite = DateTime.MinValue;
        void Progress(string phase, double fraction)
        {
            Report(new RunProgress(id, phase, fraction));
            if (DateTime.UtcNow - lastWrite < TimeSpan.FromSeconds(1))
                return;
            lastWrite = DateTime.UtcNow;
            runs.ReportProgressAsync(id, fraction, phase, CancellationToken.None).GetAwaiter().GetResult();
        }

        Progress("loading sales", 0);
        var panel = await new SalesPanelLoader(store).LoadAsync(cancellationToken);
        var cutoff = request.Cutoff is { } date ? panel.PeriodOf(date) : panel.Periods - 1;
        if (cutoff < 1 || cutoff >= panel.Periods)
            throw new InvalidOperationException($"The cutoff must lie inside the sales history ({panel.DateOf(0):yyyy-MM-dd} .. {panel.DateOf(panel.Periods - 1):yyyy-MM-dd}).");
        ForecastSet? forecast = null;
        ModelRecord? active = null;
        var reason = "retrained";
        if (!request.Retrain)
        {
            Progress("forecasting with the active model", 0.2);
            (forecast, active, reason) = await new ActiveModelForecaster(runs, registry).TryForecastAsync(panel, cutoff, request.Horizon, cancellationToken);
            if (forecast is null)
            {
                reason = $"retrained: {reason}";
                Progress(reason, 0.2);
            }
        }
        var options = new ForecastEngineOptions
        {
            Horizon = request.Horizon,
            CalibrationWindows = request.CalibrationWindows,
            Model = request.Model ?? new GlobalModelOptions(),
        };
        var trainedNow = forecast is null;
        long modelId;
        if (forecast is null)
        {
            forecast = new ForecastEngine(panel, options).Forecast(cutoff,
                new InlineProgress((phase, fraction) => Progress(phase, 0.05 + 0.85 * fraction)), cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            Progress("saving the model", 0.92);
            var model = await SaveModelAsync(forecast, options, cancellationToken);
            modelId = await WhenStoreFreeAsync(id, () => registry.RegisterAsync(model, forecast.Intervals, cancellationToken), cancellationToken);
        }
        else
        {
            modelId = active!.Id;
        }
        cancellationToken.ThrowIfCancellationRequested();

        Progress("writing forecasts", 0.95);
        var metrics = JsonSerializer.Serialize(new
        {
            cutoff = forecast.CutoffDate,
            horizon = forecast.Horizon,
            periodDays = panel.PeriodDays,
            model = reason,
            backtest = forecast.CalibrationMetrics,
            trees = forecast.Trained.Trees,
            damping = forecast.Settings.Damping,
            importance = forecast.Trained.Importance().Take(15).Select(f => new { feature = f.Feature, share = Math.Round(f.Share, 4) }),
            models = forecast.Model.Where(m => m.Length > 0).GroupBy(m => m).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
        }, Json);
        await WhenStoreFreeAsync(id, () => runs.CompleteAsync(id, metrics, modelId, Rows(forecast), new ForecastDetails
        {
            Explanations = Explanations(forecast),
            Scales = forecast.ForecastSeries.Select(s => new SeriesScale(forecast.Panel.Series[s].Location, forecast.Panel.Series[s].Sku, forecast.Scales[s], forecast.ErrorScales[s])),
            ErrorProfile = forecast.ErrorProfile,
            AggregateIntervals = forecast.AggregateIntervals,
            Backtests = BacktestPoints(forecast),
        }, cancellationToken), cancellationToken);
        if (trainedNow)
            await WhenStoreFreeAsync(id, () => registry.ActivateIfNoWorseAsync(modelId, request.PromotionTolerance, CancellationToken.None), CancellationToken.None);
    }

    /// <summary>
    /// How long a run's saves wait while another process has the store open (the app while a CLI run ends, or the
    /// reverse) before the run fails: the work of a long training run is not thrown away for a busy minute.
    /// </summary>
    public static readonly TimeSpan StoreWait = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Runs <paramref name="save"/> (one transaction: it writes all or nothing), again every second while another process
    /// has the store open, for up to <see cref="StoreWait"/>; the wait is the run's phase meanwhile.
    /// </summary>
    async Task<T> WhenStoreFreeAsync<T>(long id, Func<Task<T>> save, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var fraction = Current?.Fraction ?? 0;
        while (true)
        {
            try
            {
                return await save();
            }
            catch (StoreLockedException) when (waited.Elapsed < StoreWait)
            {
                Report(new RunProgress(id, $"waiting for the store: another process has it open ({waited.Elapsed.TotalSeconds:0} s)", fraction));
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    Task WhenStoreFreeAsync(long id, Func<Task> save, CancellationToken cancellationToken) =>
        WhenStoreFreeAsync(id, async () =>
        {
            await save();
            return 0;
        }, cancellationToken);

    async Task<ModelRecord> SaveModelAsync(ForecastSet forecast, ForecastEngineOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(ModelsFolder);
        var path = Path.Combine(ModelsFolder, $"model-{Guid.NewGuid():N}.zip");
        forecast.Trained.Save(path);
        await using var file = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        var metrics = forecast.CalibrationMetrics;
        return new ModelRecord(0, DateTime.UtcNow, forecast.Kind.ToString(), JsonSerializer.Serialize(forecast.Settings, Json),
            forecast.Panel.DateOf(Math.Max(0, forecast.Cutoff - options.Model.TrainingWindow)), forecast.CutoffDate,
            JsonSerializer.Serialize(FeatureSpec.For(forecast.Panel), Json),
            JsonSerializer.Serialize(metrics, Json),
            metrics.TryGetValue(ModelNames.Global, out var global) && double.IsFinite(global.Wrmsse) ? global.Wrmsse : null,
            path, hash);
    }

    /// <summary>One row per series and period after the cutoff, ordered by series (location, SKU) then date.</summary>
    static IEnumerable<ForecastRow> Rows(ForecastSet forecast)
    {
        var level = (double l) => forecast.Levels.ToList().IndexOf(l);
        int p10 = level(0.1), p50 = level(0.5), p90 = level(0.9), p95 = level(0.95);
        double? At(int l, int i) => l < 0 ? null : Math.Round(forecast.Quantiles[l][i], 4);
        foreach (var s in forecast.ForecastSeries)
        {
            var series = forecast.Panel.Series[s];
            for (var h = 1; h <= forecast.Horizon; h++)
            {
                var i = s * forecast.Horizon + h - 1;
                yield return new ForecastRow(series.Location, series.Sku, forecast.Panel.DateOf(forecast.Cutoff + h),
                    Math.Round(forecast.Point[i], 4), At(p10, i), At(p50, i), At(p90, i), At(p95, i), forecast.Model[s]);
            }
        }
    }

    /// <summary>
    /// The calibration backtests period by period, up to the run's cutoff (later periods had not happened), with
    /// seasonal naive's forecast from the same origin beside each.
    /// </summary>
    static IEnumerable<BacktestPoint> BacktestPoints(ForecastSet forecast)
    {
        var naive = forecast.NaiveBacktests.ToDictionary(e => (e.Location, e.Sku, e.Cutoff));
        var days = forecast.Panel.PeriodDays;
        foreach (var backtest in forecast.Backtests)
        {
            var baseline = naive.GetValueOrDefault((backtest.Location, backtest.Sku, backtest.Cutoff));
            for (var h = 0; h < backtest.Forecast.Length; h++)
            {
                var date = backtest.Cutoff.AddDays(days * (h + 1));
                if (date > forecast.CutoffDate)
                    break;
                var actual = backtest.Actual[h];
                yield return new BacktestPoint(backtest.Location, backtest.Sku, backtest.Cutoff, date,
                    double.IsNaN(actual) ? null : actual, Math.Round(backtest.Forecast[h], 4),
                    baseline is null ? null : Math.Round(baseline.Forecast[h], 4));
            }
        }
    }

    /// <summary>
    /// How the first forecast period of every series the global model forecasts is made up: the seasonal base (rank
    /// 0, <see cref="ForecastExplanation.BaseFeature"/>), the top contributions (ranks 1 ..) and everything else (the
    /// last rank, <see cref="ForecastExplanation.RestFeature"/>), which add up to the forecast.
    /// </summary>
    static IEnumerable<ForecastExplanation> Explanations(ForecastSet forecast)
    {
        foreach (var s in forecast.ForecastSeries)
        {
            if (forecast.Explanations[s] is not { } breakdown || forecast.Model[s] != ModelNames.Global)
                continue;
            var series = forecast.Panel.Series[s];
            yield return new ForecastExplanation(series.Location, series.Sku, 0, ForecastExplanation.BaseFeature, Math.Round(breakdown.Base, 4));
            var top = breakdown.Contributions;
            for (var rank = 0; rank < top.Count; rank++)
                yield return new ForecastExplanation(series.Location, series.Sku, rank + 1, top[rank].Feature, Math.Round(top[rank].Contribution, 4));
            yield return new ForecastExplanation(series.Location, series.Sku, top.Count + 1, ForecastExplanation.RestFeature, Math.Round(breakdown.EverythingElse, 4));
        }
    }

    async Task<string?> DataVersionAsync()
    {
        using var connection = store.Open();
        var latest = await connection.ExecuteScalarAsync<long?>("SELECT max(id) FROM imports WHERE status = 'succeeded'");
        return latest is { } id ? $"import {id}" : null;
    }

    void Report(RunProgress progress)
    {
        Current = progress.Phase == "finished" ? null : progress;
        ProgressChanged?.Invoke(progress);
    }

    sealed class InlineProgress(Action<string, double> report) : IProgress<(string Phase, double Fraction)>
    {
        public void Report((string Phase, double Fraction) value) => report(value.Phase, value.Fraction);
    }
}
