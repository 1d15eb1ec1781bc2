using System.Collections.Concurrent;
using NexGen.Core.Store;
using NexGen.Tests.Cli;

namespace NexGen.Tests.Web;

/// <summary>
/// A CLI forecast and the app over the same store file: the app starting up leaves the CLI's run running (its process
/// is alive), and the CLI's final save waits while another process has the file open, showing the wait as its phase,
/// then saves every forecast.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SharedStoreRunTests
{
    [Fact]
    public async Task ACliForecastSurvivesTheAppStartingAndStoppingAndWaitsForTheStoreToSave()
    {
        await using var test = await CliProcess.GeneratedStoreAsync(skus: 300, days: 730);
        var path = test.Store.Path;
        var runs = new RunStore(new DuckDbStore(path));

        using var cli = CliProcess.Start("forecast", "--horizon", "28", "--store", path);
        var lines = new ConcurrentQueue<string>();
        cli.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        cli.BeginErrorReadLine();
        var output = cli.StandardOutput.ReadToEndAsync();
        try
        {
            RunRecord? run = null;
            await Poll.UntilAsync(async () => (run = (await runs.RecentAsync(1)).FirstOrDefault()) is { Status: "running", Progress: >= 0.05 },
                TimeSpan.FromSeconds(60), "the CLI run is training");

            // The app starts over the same file while the CLI trains: its start-up sweep leaves the live CLI's run alone.
            await using (var app = NexGenWebApp.Start(new Dictionary<string, string?>
            {
                ["NexGen:StorePath"] = path,
                ["NexGen:LoadSamplesOnFirstStart"] = "false",
            }))
            {
                var seen = await app.GetRequiredService<RunStore>().FindAsync(run!.Id);
                Assert.True(seen is { Status: "running" }, $"the CLI's run is still running after the app started (it is {seen?.Status}: {seen?.Error})");
            }

            // Another process holds the file while the CLI gets to its save: the CLI waits, and says so.
            using (var holder = new DuckDbStore(path, keepOpen: TimeSpan.FromMinutes(5)))
            {
                holder.Open().Dispose();
                await Poll.UntilAsync(() => Task.FromResult(lines.Any(l => l.Contains("waiting for the store: another process has it open", StringComparison.Ordinal)) || cli.HasExited),
                    TimeSpan.FromSeconds(120), "the CLI reports that it waits for the store");
                Assert.False(cli.HasExited, "the CLI waits while the store is held: " + string.Join('\n', lines));
            }

            await cli.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
            Assert.True(cli.ExitCode == 0, string.Join('\n', lines));
            var done = await runs.FindAsync(run.Id);
            Assert.Equal(("succeeded", null), (done!.Status, done.Error));
            Assert.Equal(300 * 28, (await runs.ForecastsAsync(run.Id)).Count);
            await output;
        }
        finally
        {
            if (!cli.HasExited)
                cli.Kill(entireProcessTree: true);
        }
    }
}
