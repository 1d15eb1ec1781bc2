namespace NexGen.Core.Forecasting.Baselines;

/// <summary>
/// Syntetos-Boylan demand class (DOMAIN.md "Intermittent demand"): cut-offs ADI 1.32 (mean periods between non-zero
/// demands) and CV² 0.49 (squared coefficient of variation of the non-zero demand sizes).
/// </summary>
public enum DemandClass
{
    /// <summary>ADI &lt; 1.32 and CV² &lt; 0.49: regular demand of steady size.</summary>
    Smooth,

    /// <summary>ADI &lt; 1.32 and CV² &gt;= 0.49: regular demand of varying size.</summary>
    Erratic,

    /// <summary>ADI &gt;= 1.32 and CV² &lt; 0.49: sporadic demand of steady size.</summary>
    Intermittent,

    /// <summary>ADI &gt;= 1.32 and CV² &gt;= 0.49: sporadic demand of varying size.</summary>
    Lumpy,
}
