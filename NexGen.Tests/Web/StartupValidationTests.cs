using System.Diagnostics;
using NexGen.Core;

namespace NexGen.Tests.Web;

/// <summary>
/// A bad setting stops the real app (its own process, as an operator starts it) at start-up with a message naming
/// the setting, before the store is touched.
/// </summary>
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
        var folder = Directory.CreateTempSubdirectory("nexgen-startup-").FullName;
        var store = Path.Combine(folder, "store.duckdb");
        try
        {
            var (exitCode, error) = await RunWebAppAsync($"--{key}={value}", $"--NexGen:StorePath={store}",
                "--NexGen:LoadSamplesOnFirstStart=false", "--Scheduling:Enabled=false", "--urls=http://127.0.0.1:0");

            Assert.NotEqual(0, exitCode);
            Assert.Contains(option, error);
            Assert.False(File.Exists(store), "the store was created although start-up failed");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs <c>NexGen.Web.dll</c> from its build folder (where its appsettings.json is) until it exits.</summary>
    static async Task<(int ExitCode, string Error)> RunWebAppAsync(params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        var output = Path.Combine(NexGenPaths.BaseDirectory, "NexGen.Web", "bin", configuration, "net10.0", "linux-x64");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = output, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(output, "NexGen.Web.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the app kept running for 60 s with {string.Join(' ', args)}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
