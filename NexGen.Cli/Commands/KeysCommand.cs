using NexGen.Core;
using NexGen.Core.Security;

namespace NexGen.Cli.Commands;

/// <summary><c>keys create|list|revoke</c>: API keys for machines. The key is printed once, on creation; the store keeps its hash.</summary>
static class KeysCommand
{
    public const string Usage = "keys create --role viewer|planner|admin --name NAME | keys list | keys revoke ID [--store PATH]";

    public static async Task<int> RunAsync(CommandLine line, NexGenOptions settings, CancellationToken cancellationToken)
    {
        var verb = line.Positional.ElementAtOrDefault(1) ?? "list";
        var (name, role) = verb == "create"
            ? (line.Get("name") ?? throw new UsageException("keys create needs --name NAME."), line.Get("role") ?? throw new UsageException("keys create needs --role viewer|planner|admin."))
            : (null, null);
        var store = await CliSettings.OpenStoreAsync(line, settings);
        line.RejectUnknown();
        var keys = new ApiKeyStore(store);
        var audit = new AuditLog(store);
        switch (verb)
        {
            case "create":
                CreatedApiKey created;
                try
                {
                    created = await keys.CreateAsync(name!, role!, cancellationToken);
                }
                catch (ArgumentException e)
                {
                    throw new UsageException(e.Message);
                }
                await audit.RecordAsync(CliActor, "key.create", $"key {created.Record.Id}", $"{created.Record.Name}, {created.Record.Role}", CancellationToken.None);
                Console.Error.WriteLine($"key {created.Record.Id} ({created.Record.Name}, {created.Record.Role}) created; it is shown only this once:");
                Console.WriteLine(created.Key);
                return ExitCodes.Ok;
            case "list":
                Console.WriteLine($"{"id",4}  {"name",-24}{"role",-9}{"starts",-12}{"created (UTC)",-18}revoked");
                foreach (var key in await keys.ListAsync(cancellationToken))
                    Console.WriteLine($"{key.Id,4}  {key.Name,-24}{key.Role,-9}{key.Prefix,-12}{key.Created,-18:yyyy-MM-dd HH:mm}{key.Revoked:yyyy-MM-dd HH:mm}");
                return ExitCodes.Ok;
            case "revoke" when long.TryParse(line.Positional.ElementAtOrDefault(2), out var id):
                try
                {
                    await keys.RevokeAsync(id, cancellationToken);
                }
                catch (KeyNotFoundException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return ExitCodes.Rejected;
                }
                await audit.RecordAsync(CliActor, "key.revoke", $"key {id}", null, CancellationToken.None);
                Console.Error.WriteLine($"key {id} is revoked");
                return ExitCodes.Ok;
            default:
                throw new UsageException($"keys takes create, list or revoke ID, not '{string.Join(' ', line.Positional.Skip(1))}'.");
        }
    }

    /// <summary>Who the audit log names for changes made with the CLI: the operating-system user.</summary>
    public static string CliActor => "cli:" + Environment.UserName;
}
