namespace NexGen.Core.Ingestion;

/// <summary>How dates written with slashes or dots are read. ISO dates (2024-03-01) are always unambiguous.</summary>
public enum DateOrder
{
    /// <summary>Decide from the file: the first date whose day is above 12 settles it; a file that never settles is rejected.</summary>
    Auto,

    /// <summary>dd/MM/yyyy.</summary>
    DayFirst,

    /// <summary>MM/dd/yyyy.</summary>
    MonthFirst,
}
