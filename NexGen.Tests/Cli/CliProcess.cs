using System.Diagnostics;
using NexGen.Core;

namespace NexGen.Tests.Cli;

/// <summary>Runs the real CLI (built beside the tests, same configuration) as a child process.</summary>
public static class CliProcess
{
    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), redirectInput: false, args);

    /// <summary>Starts the CLI with extra environment variables (settings such as <c>NexGen__Sources__0__Name</c>).</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args) => Start(environment, redirectInput: false, args);

    static Process Start(IReadOnlyDictionary<string, string> environment, bool redirectInput, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = redirectInput };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add(Path());
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    /// <summary>Runs to the end: exit code, stdout and stderr.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs to the end with extra environment variables: exit code, stdout and stderr.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(environment, null, args);

    /// <summary>Runs to the end with <paramref name="input"/> (when not null) written to its redirected stdin.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string? input, params string[] args) =>
        RunAsync(new Dictionary<string, string>(), input, args);

    static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, string? input, string[] args)
    {
        using var process = Start(environment, input is not null, args);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>A test store filled by the real <c>generate</c> command (1 location, seed 3) and the folder importer.</summary>
    public static async Task<TestStore> GeneratedStoreAsync(int skus, int days)
    {
        var test = new TestStore();
        var folder = System.IO.Path.Combine(test.Folder, "gen");
        await RunAsync("generate", "--locations", "1", "--skus", skus.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--days", days.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "3", "--out", folder);
        await new Core.Ingestion.FolderImporter(test.Importer).ImportAsync(folder);
        return test;
    }

    static string Path()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        return System.IO.Path.Combine(NexGenPaths.BaseDirectory, "NexGen.Cli", "bin", configuration, "net10.0", "linux-x64", "nexgen.dll");
    }
}
