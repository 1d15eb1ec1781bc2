namespace NexGen.Tests.Web;

/// <summary>A bad setting stops the real app at start-up with a message naming the setting, before the store is touched.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("NexGen:MaxUploadBytes", "0", "MaxUploadBytes")]
    [InlineData("NexGen:StoreMemoryLimit", "lots", "StoreMemoryLimit")]
    [InlineData("Replenishment:Policy", "sometimes", "Policy")]
    [InlineData("Replenishment:LeadTimeDays", "-3", "LeadTimeDays")]
    [InlineData("NexGen:Sources:0:Provider", "oracle", "Sources[0] (''): Provider must be sqlserver or postgresql.")]
    public async Task InvalidSettingFailsStartUpNamingTheOption(string key, string value, string option)
    {
        var (exitCode, output, storeCreated) = await WebAppProcess.RunUntilExitAsync($"--{key}={value}", "--urls=http://127.0.0.1:0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(option, output);
        Assert.False(storeCreated, "the store was created although start-up failed");
    }
}
