using System.Text;
using Microsoft.AspNetCore.Identity;
using NexGen.Core;
using NexGen.Core.Security;

namespace NexGen.Cli.Commands;

/// <summary>
/// <c>users add NAME --role R | users disable NAME | users enable NAME | users list</c>: people who sign in to the web
/// app. The password is read from standard input when it is redirected (one line), otherwise prompted twice without
/// echo; only its hash is stored. Saving a user again (new role or password) or disabling them ends their sessions in
/// a running app within <c>Security:SessionCheckSeconds</c>.
/// </summary>
static class UsersCommand
{
    public const string Usage = "users add NAME --role viewer|planner|admin (password from stdin or a prompt) | users disable NAME | users enable NAME | users list [--store PATH]";

    const int MinPasswordLength = 8;

    public static async Task<int> RunAsync(CommandLine line, NexGenOptions settings, CancellationToken cancellationToken)
    {
        var verb = line.Positional.ElementAtOrDefault(1) ?? "list";
        var role = verb == "add" ? line.Get("role") ?? throw new UsageException("users add needs --role viewer|planner|admin.") : null;
        var store = await CliSettings.OpenStoreAsync(line, settings);
        line.RejectUnknown();
        var users = new UserStore(store);
        switch (verb)
        {
            case "add" when line.Positional.ElementAtOrDefault(2) is { } name:
                if (Roles.Parse(role) is null)
                    throw new UsageException($"--role must be one of {string.Join(", ", Roles.All)}, not '{role}'.");
                var password = ReadPassword();
                if (password.Length < MinPasswordLength)
                {
                    Console.Error.WriteLine($"The password must have at least {MinPasswordLength} characters.");
                    return ExitCodes.Rejected;
                }
                UserRecord user;
                try
                {
                    user = await users.SaveAsync(name, role!, new PasswordHasher<UserRecord>().HashPassword(null!, password), cancellationToken);
                }
                catch (ArgumentException e)
                {
                    throw new UsageException(e.Message);
                }
                await new AuditLog(store).RecordAsync(KeysCommand.CliActor, "user.save", $"user {user.Name}", user.Role, CancellationToken.None);
                Console.Error.WriteLine($"user {user.Name} ({user.Role}) saved");
                return ExitCodes.Ok;
            case "disable" or "enable" when line.Positional.ElementAtOrDefault(2) is { } name:
                var disabled = verb == "disable";
                if (!await users.SetDisabledAsync(name, disabled, cancellationToken))
                {
                    Console.Error.WriteLine($"No user is named '{name}'.");
                    return ExitCodes.Rejected;
                }
                await new AuditLog(store).RecordAsync(KeysCommand.CliActor, disabled ? "user.disable" : "user.enable", $"user {name}", null, CancellationToken.None);
                Console.Error.WriteLine(disabled
                    ? $"user {name} disabled: they cannot sign in, and their open sessions end within a minute"
                    : $"user {name} enabled");
                return ExitCodes.Ok;
            case "list":
                Console.WriteLine($"{"name",-24}{"role",-9}{"status",-10}created (UTC)");
                foreach (var u in await users.ListAsync(cancellationToken))
                    Console.WriteLine($"{u.Name,-24}{u.Role,-9}{(u.Disabled ? "disabled" : "active"),-10}{u.Created:yyyy-MM-dd HH:mm}");
                return ExitCodes.Ok;
            default:
                throw new UsageException($"users takes add NAME --role R, disable NAME, enable NAME or list, not '{string.Join(' ', line.Positional.Skip(1))}'.");
        }
    }

    static string ReadPassword()
    {
        if (Console.IsInputRedirected)
            return Console.In.ReadLine() ?? "";
        var first = Prompt("Password: ");
        var second = Prompt("Again: ");
        if (first != second)
            throw new UsageException("The two passwords differ.");
        return first;
    }

    static string Prompt(string label)
    {
        Console.Error.Write(label);
        var text = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
                text.Length--;
            else if (!char.IsControl(key.KeyChar))
                text.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return text.ToString();
    }
}
