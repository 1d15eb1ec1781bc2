using NexGen.Core.Features;

namespace NexGen.Core.Forecasting;

/// <summary>
/// Each series' own error level, the unit of its prediction intervals: the mean absolute error of a seasonal naive
/// forecast over the series' recent history (DOMAIN.md "Prediction intervals": scale residuals by each series' own
/// error level), in units per period. Daily data: the mean of the same weekday over the 4 weeks before, over the
/// last 91 days; weekly data: the same week a year before, over the
/// last 52 weeks (the previous week when under a year and a half of history). Stock-out periods are left out. A steady fast mover gets a narrow band, an erratic one a wide band,
/// whatever their size; it is never below a twentieth of the series' scale (a series that has been flat is not
/// certain to stay so).
/// </summary>
public static class SeriesErrorScale
{
    /// <param name="scale">The series' mean demand per period at the origin (<see cref="FeatureBuilder.Scale"/>).</param>
    public static float At(SalesPanel panel, int series, int origin, float scale)
    {
        var quantity = panel.QuantityOf(series);
        var censored = panel.Censored.AsSpan(panel.Offset(series), panel.Periods);
        var first = panel.Series[series].First;
        var weekly = panel.PeriodDays == 7;
        var window = weekly ? 52 : 91;
        var lag = weekly ? origin - first >= 52 + 26 ? 52 : 1 : 7;
        var lags = weekly ? 1 : 4;
        double sum = 0;
        var count = 0;
        for (var t = origin; t > origin - window && t - lag >= first; t--)
        {
            if (censored[t])
                continue;
            double baseline = 0;
            var known = 0;
            for (var k = 1; k <= lags && t - k * lag >= first; k++)
                if (!censored[t - k * lag])
                {
                    baseline += quantity[t - k * lag];
                    known++;
                }
            if (known == 0)
                continue;
            sum += Math.Abs(quantity[t] - baseline / known);
            count++;
        }
        var error = count == 0 ? scale : sum / count;
        return (float)Math.Max(error, Math.Max(0.05 * scale, 1e-3));
    }
}
