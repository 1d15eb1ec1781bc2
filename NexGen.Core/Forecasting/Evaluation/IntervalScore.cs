namespace NexGen.Core.Forecasting.Evaluation;

/// <summary>
/// How well quantile forecasts fit each series (DOMAIN.md "Prediction intervals"), as <c>../shared/peer/evaluate.py</c>
/// measures them: the coverage of the central interval (p10-p90 by default) and of the highest level (p95) per quartile
/// of series volume (sales over the H periods before the cutoff; Q1 the smallest), and the scaled pinball loss per
/// level (the pinball loss averaged over the horizon, divided by the series' in-sample one-step naive MAE, weighted by
/// volume like WRMSSE: the M5 Uncertainty measure; lower is better).
/// </summary>
/// <param name="Pinball">Scaled pinball loss per level.</param>
/// <param name="CentralByQuartile">Share of actuals inside the central interval, Q1 .. Q4.</param>
/// <param name="UpperByQuartile">Share of actuals at or below the highest level, Q1 .. Q4.</param>
public sealed record IntervalScore(IReadOnlyDictionary<double, double> Pinball, IReadOnlyList<double> CentralByQuartile, IReadOnlyList<double> UpperByQuartile)
{
    /// <summary>
    /// Scores series forecasts: each with its actuals (NaN = not scored), one quantile array per level, its naive MAE
    /// scale (<see cref="Accuracy.NaiveMae"/>) and its volume (<see cref="Accuracy.SalesWeight"/>).
    /// </summary>
    public static IntervalScore Of(IReadOnlyList<double> levels, IReadOnlyList<(double[] Actual, double[][] Quantiles, double Scale, double Volume)> series)
    {
        var lower = 0;
        var central = 0;
        for (var l = 0; l < levels.Count; l++)
        {
            if (levels[l] < levels[lower])
                lower = l;
            if (levels[l] < 0.95 && (levels[central] >= 0.95 || levels[l] > levels[central]))
                central = l;
        }
        var top = Enumerable.Range(0, levels.Count).MaxBy(l => levels[l]);

        var pinball = new Dictionary<double, double>();
        for (var l = 0; l < levels.Count; l++)
        {
            double weighted = 0, weights = 0;
            foreach (var (actual, quantiles, scale, volume) in series)
            {
                double sum = 0;
                var points = 0;
                for (var h = 0; h < actual.Length; h++)
                {
                    if (double.IsNaN(actual[h]) || double.IsNaN(quantiles[l][h]))
                        continue;
                    var d = actual[h] - quantiles[l][h];
                    sum += Math.Max(levels[l] * d, (levels[l] - 1) * d);
                    points++;
                }
                if (points == 0 || !(scale > 0))
                    continue;
                weighted += volume * sum / points / scale;
                weights += volume;
            }
            pinball[levels[l]] = weights > 0 ? weighted / weights : double.NaN;
        }

        // Quartiles of volume by rank, so ties split evenly (pandas' qcut of the rank).
        var ranked = series.Select((s, i) => (s, i)).OrderBy(x => x.s.Volume).ThenBy(x => x.i).Select(x => x.s).ToList();
        var centralShares = new double[4];
        var upperShares = new double[4];
        for (var q = 0; q < 4; q++)
        {
            long points = 0, inside = 0, below = 0;
            foreach (var (actual, quantiles, _, _) in ranked.Skip(ranked.Count * q / 4).Take(ranked.Count * (q + 1) / 4 - ranked.Count * q / 4))
                for (var h = 0; h < actual.Length; h++)
                {
                    if (double.IsNaN(actual[h]) || double.IsNaN(quantiles[lower][h]))
                        continue;
                    points++;
                    if (quantiles[lower][h] <= actual[h] && actual[h] <= quantiles[central][h])
                        inside++;
                    if (actual[h] <= quantiles[top][h])
                        below++;
                }
            centralShares[q] = points == 0 ? double.NaN : (double)inside / points;
            upperShares[q] = points == 0 ? double.NaN : (double)below / points;
        }
        return new IntervalScore(pinball, centralShares, upperShares);
    }
}
