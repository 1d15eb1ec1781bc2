namespace NexGen.Tests.Web;

/// <summary>A bad setting stops the app at start-up with a message naming the setting, before the store is touched.</summary>
[Collection(WebCollection.Name)]
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("NexGen:MaxUploadBytes", "0", "MaxUploadBytes")]
    [InlineData("NexGen:StoreMemoryLimit", "lots", "StoreMemoryLimit")]
    [InlineData("Replenishment:Policy", "sometimes", "Policy")]
    [InlineData("Replenishment:LeadTimeDays", "-3", "LeadTimeDays")]
    [InlineData("NexGen:Sources:0:Provider", "oracle", "Sources[0] (''): Provider must be sqlserver or postgresql.")]
    public void InvalidSettingFailsStartUpNamingTheOption(string key, string value, string option)
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            var app = NexGenWebApp.Start(new Dictionary<string, string?> { [key] = value });
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });

        var messages = string.Join(" | ", Messages(error));
        Assert.Contains(option, messages);
    }

    static IEnumerable<string> Messages(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error.Message;
            if (error is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Messages))
                    yield return inner;
        }
    }
}
