using NexGen.Core;
using NexGen.Core.Store;

namespace NexGen.Cli.Commands;

/// <summary><c>models list|promote ID|rollback</c>: the model registry.</summary>
static class ModelsCommand
{
    public const string Usage = "models list | models promote ID | models rollback [--store PATH]";

    public static async Task<int> RunAsync(CommandLine line, NexGenOptions settings, CancellationToken cancellationToken)
    {
        var verb = line.Positional.ElementAtOrDefault(1) ?? "list";
        var store = await CliSettings.OpenStoreAsync(line, settings);
        line.RejectUnknown();
        var registry = new ModelRegistry(store);
        switch (verb)
        {
            case "list":
                Console.WriteLine($"{"id",4}  {"created (UTC)",-17}{"kind",-17}{"trained to",-12}{"WRMSSE",8}  active");
                foreach (var (model, active) in await registry.ListAsync(cancellationToken))
                    Console.WriteLine($"{model.Id,4}  {model.Created,-17:yyyy-MM-dd HH:mm}{model.Kind,-17}{model.TrainingTo,-12:yyyy-MM-dd}{model.Wrmsse,8:N3}  {(active ? "*" : "")}");
                return ExitCodes.Ok;
            case "promote" when long.TryParse(line.Positional.ElementAtOrDefault(2), out var id):
                try
                {
                    await registry.PromoteAsync(id, cancellationToken: cancellationToken);
                }
                catch (KeyNotFoundException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return ExitCodes.Rejected;
                }
                Console.Error.WriteLine($"model {id} is active");
                return ExitCodes.Ok;
            case "rollback":
                var back = await registry.RollbackAsync(cancellationToken);
                Console.Error.WriteLine($"rolled back: model {back.Id} is active");
                return ExitCodes.Ok;
            default:
                throw new UsageException($"models takes list, promote ID or rollback, not '{string.Join(' ', line.Positional.Skip(1))}'.");
        }
    }
}
