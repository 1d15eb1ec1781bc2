namespace NexGen.Core.Ingestion;

/// <summary>How a canonical column's text is parsed.</summary>
public enum ColumnType
{
    Text,
    Date,
    Number,
    Integer,
    Boolean,

    /// <summary>A fraction in [0, 1]; <c>20%</c> is read as 0.20.</summary>
    Fraction,

    /// <summary>A number, or yes/no read as 1/0 (exogenous variables such as IsHoliday).</summary>
    Measure,
}
