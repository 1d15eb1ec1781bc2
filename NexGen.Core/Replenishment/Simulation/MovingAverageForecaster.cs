using NexGen.Core.Features;
using NexGen.Core.Forecasting.Baselines;

namespace NexGen.Core.Replenishment.Simulation;

/// <summary>
/// A fast statistical forecaster for simulations: the point forecast is the mean of the last <c>window</c> known
/// periods (<see cref="Baselines.MovingAverage"/>), flat over the horizon; its errors are those of the same forecaster
/// backtested at every earlier origin of the series' own history (up to the latest <c>errorOrigins</c> of them), so
/// nothing after the origin is read. Suited to demand without trend or season (and to checking the simulator on
/// generated demand of a known distribution); the NexGen engine (<see cref="EngineForecastSource"/>) is the real one.
/// </summary>
/// <param name="panel">The sales; censored (stock-out) periods are unknown demand and are skipped.</param>
/// <param name="window">Periods averaged, &gt;= 1.</param>
/// <param name="errorOrigins">Most recent backtest origins whose errors are kept per series, &gt;= 1.</param>
public sealed class MovingAverageForecaster(SalesPanel panel, int window, int errorOrigins) : IForecastSource
{
    /// <inheritdoc />
    public string Name => $"moving average of {window} periods";

    /// <inheritdoc />
    public OriginForecast Forecast(int origin, int horizon, IProgress<(string Phase, double Fraction)>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(errorOrigins);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizon);
        var point = new float[panel.Series.Count * horizon];
        Array.Fill(point, float.NaN);
        var histories = new double[]?[panel.Series.Count];
        foreach (var series in panel.Series.Where(s => s.First <= origin))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var history = panel.History(series.Index, origin);
            histories[series.Index] = history;
            var forecast = Baselines.MovingAverage(history, horizon, window);
            for (var h = 0; h < horizon; h++)
                point[series.Index * horizon + h] = (float)forecast[h];
        }
        progress?.Report(("moving average", 1));
        return new OriginForecast(origin, horizon, point, new BacktestErrors(histories, window, errorOrigins));
    }

    /// <summary>Errors of the moving average at earlier origins; the means per origin are computed once per series (not thread-safe).</summary>
    sealed class BacktestErrors(double[]?[] histories, int window, int origins) : IForecastErrors
    {
        readonly double[]?[] _means = new double[]?[histories.Length];

        public IReadOnlyList<double> Cumulative(int series, int offset, int periods)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(offset);
            ArgumentOutOfRangeException.ThrowIfNegative(periods);
            if (periods == 0)
                return [0.0];
            if (histories[series] is not { } history)
                return [];
            var means = _means[series] ??= Means(history);
            var errors = new List<double>();
            // A backtest origin j needs a full window up to it and all its targets inside the history.
            var last = history.Length - 1 - offset - periods;
            for (var j = Math.Max(window - 1, last - origins + 1); j <= last; j++)
            {
                var actual = 0.0;
                for (var h = 1; h <= periods; h++)
                    actual += history[j + offset + h];
                if (!double.IsNaN(actual))
                    errors.Add(actual - periods * means[j]);
            }
            return errors;
        }

        double[] Means(double[] history)
        {
            var means = new double[history.Length];
            for (var j = 0; j < history.Length; j++)
                means[j] = Baselines.MovingAverage(history.AsSpan(0, j + 1), 1, window)[0];
            return means;
        }
    }
}
