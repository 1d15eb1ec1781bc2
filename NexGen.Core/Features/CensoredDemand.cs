namespace NexGen.Core.Features;

/// <summary>
/// Flags likely stock-outs and estimates the demand they hid, looking only backwards (so the flags at a period do
/// not depend on anything after it). A zero sale is censored when the run of zeros it ends would be improbable for
/// the series' recent rate: under a Poisson rate m per period, k zeros in a row have probability exp(-m k); below
/// <see cref="Improbable"/> the run is a stock-out, not a lull. The estimate for a censored period is the mean of
/// the last <c>window</c> known periods before the run.
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
        var flagged = -1;
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
                runStart = flagged = t;
                rate = RecentRate(quantity, censored, runStart, first, window);
            }
            if (rate <= 0 || Math.Exp(-rate * (t - runStart + 1)) >= Improbable)
                continue;
            // The run became improbable at t: every zero of it so far was a stock-out.
            for (; flagged <= t; flagged++)
            {
                censored[flagged] = true;
                demand[flagged] = (float)rate;
            }
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
