using System.Diagnostics;
using NexGen.Core;

namespace NexGen.Tests.Cli;

/// <summary>Runs the real CLI (built beside the tests, same configuration) as a child process.</summary>
public static class CliProcess
{
    public static Process Start(params string[] args) => Start(redirectInput: false, args);

    static Process Start(bool redirectInput, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = redirectInput };
        start.ArgumentList.Add(Path());
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    /// <summary>Runs to the end: exit code, stdout and stderr.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs to the end with <paramref name="input"/> (when not null) written to its redirected stdin.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string? input, params string[] args)
    {
        using var process = Start(input is not null, args);
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

    static string Path()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        return System.IO.Path.Combine(NexGenPaths.BaseDirectory, "NexGen.Cli", "bin", configuration, "net10.0", "linux-x64", "nexgen.dll");
    }
}
