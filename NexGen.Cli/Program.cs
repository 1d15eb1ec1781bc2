using NexGen.Cli;
using NexGen.Cli.Commands;
using NexGen.Core.Store;

string[] usage = [ImportCommand.Usage, InfoCommand.Usage, GenerateCommand.Usage, ForecastCommand.Usage, BacktestCommand.Usage, ModelsCommand.Usage,
    SimulateCommand.Usage, ReplenishCommand.Usage, AlertsCommand.Usage, PoCommand.Usage, SourcesCommand.Usage, KeysCommand.Usage, UsersCommand.Usage];
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var line = new CommandLine(args, new HashSet<string>(["gzip", "backorders", "predict", "full", "replace-rows"]));
    var settings = CliSettings.Load();
    return line.Positional.FirstOrDefault() switch
    {
        "import" => await ImportCommand.RunAsync(line, settings, cancel.Token),
        "info" => await InfoCommand.RunAsync(line, settings, cancel.Token),
        "generate" => await GenerateCommand.RunAsync(line, cancel.Token),
        "backtest" => await BacktestCommand.RunAsync(line, settings, cancel.Token),
        "forecast" => await ForecastCommand.RunAsync(line, settings, cancel.Token),
        "models" => await ModelsCommand.RunAsync(line, settings, cancel.Token),
        "simulate" => await SimulateCommand.RunAsync(line, settings, cancel.Token),
        "replenish" => await ReplenishCommand.RunAsync(line, settings, cancel.Token),
        "alerts" => await AlertsCommand.RunAsync(line, settings, cancel.Token),
        "po" => await PoCommand.RunAsync(line, settings, cancel.Token),
        "sources" => await SourcesCommand.RunAsync(line, settings, cancel.Token),
        "keys" => await KeysCommand.RunAsync(line, settings, cancel.Token),
        "users" => await UsersCommand.RunAsync(line, settings, cancel.Token),

        _ => throw new UsageException(line.Positional.Count == 0 ? "No command given." : $"Unknown command '{line.Positional[0]}'."),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("usage: nexgen " + string.Join("\n       nexgen ", usage));
    return ExitCodes.Rejected;
}
catch (Exception e) when (e is StoreLockedException or IOException or UnauthorizedAccessException or InvalidOperationException or OperationCanceledException)
{
    Console.Error.WriteLine(e.Message);
    return ExitCodes.Failure;
}
