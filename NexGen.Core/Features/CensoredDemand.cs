namespace NexGen.Core.Features;

/// <summary>
/// Flags likely stock-outs and estimates the demand they hid, looking only backwards: the flag of a period depends
/// on nothing after it, so a forecast as of any cutoff sees the same flags up to that cutoff. A zero sale is
/// censored when the run of zeros it ends is already improbable for the series' recent rate: under a Poisson rate m
/// per period, k zeros in a row have probability exp(-m k); below <see cref="Improbable"/> the run is a stock-out,
/// not a lull. The zeros of a run before that point stay ordinary zeros (flagging them later would let the future
/// change the past). The estimate for a censored period is the mean of the last <c>window</c> known periods before the run.
/// </summary>
public static class CensoredDemand
{
    public const double Improbable = 1e-3;

    /// <summary>Fills <paramref name="censored"/> and <paramref name="demand"/> for one series from its quantities.</summary>
    public static void Detect(ReadOnlySpan<float> quantity, Span<float> demand, Span<bool> censored, int first, int window)
    {
        quantity.CopyTo(demand);
        censored.Clear();
        var runStart = -1;
        var rate = 0.0;
        for (var t = first; t < quantity.Length; t++)
        {
            if (quantity[t] != 0)
            {
                runStart = -1;
                continue;
            }
            if (runStart < 0)
            {
                runStart = t;
                rate = RecentRate(quantity, censored, runStart, first, window);
            }
            if (rate <= 0 || Math.Exp(-rate * (t - runStart + 1)) >= Improbable)
                continue;
            censored[t] = true;
            demand[t] = (float)rate;
        }
    }

    /// <summary>Mean of the last <paramref name="window"/> uncensored periods before <paramref name="before"/>.</summary>
    static double RecentRate(ReadOnlySpan<float> quantity, ReadOnlySpan<bool> censored, int before, int first, int window)
    {
        double sum = 0;
        var count = 0;
        for (var t = before - 1; t >= first && count < window; t--)
        {
            if (censored[t])
                continue;
            sum += Math.Max(0, quantity[t]);
            count++;
        }
        return count < window / 2 ? 0 : sum / count;
    }
}
