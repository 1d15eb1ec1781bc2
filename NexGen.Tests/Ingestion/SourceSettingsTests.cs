using System.ComponentModel.DataAnnotations;
using NexGen.Core;
using NexGen.Core.Ingestion;

namespace NexGen.Tests.Ingestion;

/// <summary>The <c>NexGen:Sources</c> settings are validated with messages naming the source and the setting.</summary>
public class SourceSettingsTests
{
    static SqlSourceOptions Valid(string name) => new()
    {
        Name = name, Provider = SqlSourceOptions.PostgreSql, ConnectionStringName = "Warehouse", Table = "sales",
    };

    static List<string> Errors(NexGenOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }

    [Fact]
    public void ValidSourcesPass() => Assert.Empty(Errors(new NexGenOptions { Sources = [Valid("a"), Valid("b")] }));

    [Fact]
    public void EachProblemNamesItsSource()
    {
        var both = Valid("both");
        both.Query = "SELECT 1";
        var mapped = Valid("mapped");
        mapped.Columns = new() { ["Qty"] = "units" };
        var lookback = Valid("lookback");
        lookback.WatermarkLookback = TimeSpan.FromDays(1);
        var unnamed = Valid("");
        unnamed.Provider = "oracle";

        Assert.Equal(
        [
            "Sources[0] ('both'): Set either Query or Table (one of them).",
            "Sources[1] ('mapped'): Columns maps 'Qty' to 'units', which is not a column of sales (location, sku, date, quantity, price, promo).",
            "Sources[2] ('lookback'): WatermarkLookback must be zero or more, and needs a Watermark column.",
            "Sources[3] (''): The Name field is required.",
            "Sources[3] (''): Provider must be sqlserver or postgresql.",
            "Sources[4] ('Both'): another source is already named 'Both'.",
        ], Errors(new NexGenOptions { Sources = [both, mapped, lookback, unnamed, Valid("Both")] }));
    }
}
