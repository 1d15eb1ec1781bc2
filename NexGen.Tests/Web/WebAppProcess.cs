using System.Diagnostics;
using NexGen.Core;

namespace NexGen.Tests.Web;

/// <summary>
/// Runs the real web app as its own process (<c>dotnet NexGen.Web.dll</c> in its build folder, where its
/// appsettings.json is), as an operator starts it. For start-ups that must fail: inside the test process,
/// WebApplicationFactory races the failed host's disposal and may report an ObjectDisposedException instead.
/// </summary>
public static class WebAppProcess
{
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Starts the app with a fresh store in a temporary folder, the samples and the schedule off, and
    /// <paramref name="settings"/> as command-line settings (<c>--Section:Key=value</c>); waits for it to exit.
    /// Returns its exit code, everything it printed, and whether the store file exists afterwards.
    /// </summary>
    public static async Task<(int ExitCode, string Output, bool StoreCreated)> RunUntilExitAsync(params string[] settings)
    {
        var folder = Directory.CreateTempSubdirectory("nexgen-process-").FullName;
        try
        {
            var store = Path.Combine(folder, "store.duckdb");
            string[] defaults = [$"--NexGen:StorePath={store}", "--NexGen:LoadSamplesOnFirstStart=false", "--Scheduling:Enabled=false"];
            var (exitCode, output) = await RunAsync([.. defaults, .. settings]);
            return (exitCode, output, File.Exists(store));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        var build = Path.Combine(NexGenPaths.BaseDirectory, "NexGen.Web", "bin", configuration, "net10.0", "linux-x64");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = build, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(build, "NexGen.Web.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app was still running after {Limit.TotalSeconds} s with {string.Join(' ', args)}.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
