using System.Globalization;

namespace NexGen.Core.Ingestion;

/// <summary>
/// Watermark values (dates, timestamps, integers, decimals) to and from the text the store keeps, without losing
/// precision or a timestamp's kind: the value read back is the value the column held.
/// </summary>
public static class WatermarkValue
{
    /// <summary>Whether a column of this type can be a watermark.</summary>
    public static bool Supports(Type type) => TypeName(type) is not null;

    /// <summary>The type name and text kept in the store, e.g. <c>("datetime", "2024-03-01T10:15:00.0000000")</c>.</summary>
    public static (string Type, string Text) Format(object value) => value switch
    {
        DateTime d => ("datetime", d.ToString("O", CultureInfo.InvariantCulture)),
        DateTimeOffset o => ("datetimeoffset", o.ToString("O", CultureInfo.InvariantCulture)),
        DateOnly d => ("date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        decimal m => ("decimal", m.ToString(CultureInfo.InvariantCulture)),
        _ when TypeName(value.GetType()) == "integer" => ("integer", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"A watermark cannot be of type {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>The value of <see cref="Format"/>'s text.</summary>
    public static object Parse(string type, string text) => type switch
    {
        "datetime" => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        "datetimeoffset" => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        "date" => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        "decimal" => decimal.Parse(text, CultureInfo.InvariantCulture),
        "integer" => long.Parse(text, CultureInfo.InvariantCulture),
        _ => throw new FormatException($"Unknown watermark type '{type}'."),
    };

    /// <summary>A date or time watermark moved back by <paramref name="lookback"/> (a date by whole days, rounded up).</summary>
    public static object Minus(object value, TimeSpan lookback) => value switch
    {
        DateTime d => d - lookback,
        DateTimeOffset o => o - lookback,
        DateOnly d => d.AddDays(-(int)Math.Ceiling(lookback.TotalDays)),
        _ => throw new SqlSourceException(
            $"WatermarkLookback applies to date and time watermarks; this watermark is {TypeName(value.GetType())} ({value}). Remove the lookback."),
    };

    static string? TypeName(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.DateTime => "datetime",
        TypeCode.Decimal => "decimal",
        TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 => "integer",
        _ when type == typeof(DateTimeOffset) => "datetimeoffset",
        _ when type == typeof(DateOnly) => "date",
        _ => null,
    };
}
