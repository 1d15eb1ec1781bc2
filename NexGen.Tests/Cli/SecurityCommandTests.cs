using Microsoft.AspNetCore.Identity;
using NexGen.Core.Security;

namespace NexGen.Tests.Cli;

/// <summary><c>keys</c> and <c>users</c>: the key printed once and stored hashed, passwords from stdin hashed with Identity's hasher.</summary>
public class SecurityCommandTests
{
    [Fact]
    public async Task KeysCreatePrintsAWorkingKeyOnceListShowsItsPrefixAndRevokeEndsIt()
    {
        await using var test = new TestStore();

        var create = await CliProcess.RunAsync("keys", "create", "--role", "planner", "--name", "ci", "--store", test.Store.Path);
        var key = create.Output.Trim();
        var list = await CliProcess.RunAsync("keys", "list", "--store", test.Store.Path);

        Assert.Equal(0, create.ExitCode);
        Assert.StartsWith("ngk_", key);
        Assert.Contains("shown only this once", create.Error);
        var stored = await new ApiKeyStore(test.Store).FindValidAsync(key);
        Assert.Equal(("ci", Roles.Planner), (stored!.Name, stored.Role));
        Assert.Contains(stored.Prefix, list.Output);
        Assert.DoesNotContain(key, list.Output);
        Assert.DoesNotContain(key, test.Dump("api_keys"));

        var revoke = await CliProcess.RunAsync("keys", "revoke", stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--store", test.Store.Path);
        var unknown = await CliProcess.RunAsync("keys", "revoke", "999", "--store", test.Store.Path);
        var badRole = await CliProcess.RunAsync("keys", "create", "--role", "boss", "--name", "x", "--store", test.Store.Path);

        Assert.Equal((0, 2, 2), (revoke.ExitCode, unknown.ExitCode, badRole.ExitCode));
        Assert.Null(await new ApiKeyStore(test.Store).FindValidAsync(key));
        var audit = await new AuditLog(test.Store).RecentAsync(10);
        Assert.Equal(["key.revoke", "key.create"], audit.Select(e => e.Action).ToArray());
        Assert.All(audit, e => Assert.StartsWith("cli:", e.Actor));
    }

    [Fact]
    public async Task UsersAddReadsThePasswordFromStdinAndStoresOnlyItsHash()
    {
        await using var test = new TestStore();

        var add = await CliProcess.RunWithInputAsync("s3cret-password\n", "users", "add", "pat", "--role", "viewer", "--store", test.Store.Path);
        var tooShort = await CliProcess.RunWithInputAsync("short\n", "users", "add", "sam", "--role", "viewer", "--store", test.Store.Path);
        var list = await CliProcess.RunAsync("users", "list", "--store", test.Store.Path);

        Assert.Equal((0, 2), (add.ExitCode, tooShort.ExitCode));
        Assert.Contains("at least 8 characters", tooShort.Error);
        Assert.Contains("pat", list.Output);
        Assert.DoesNotContain("sam", list.Output);
        var (user, hash, stamp) = (await new UserStore(test.Store).FindAsync("pat"))!;
        Assert.Equal(Roles.Viewer, user.Role);
        Assert.DoesNotContain("s3cret", hash);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<UserRecord>().VerifyHashedPassword(user, hash, "s3cret-password"));
        Assert.Equal(stamp, await new UserStore(test.Store).ActiveStampAsync("pat"));

        // Disabling ends the user's sessions (no active stamp) and shows in the list; enabling draws a new stamp.
        var disable = await CliProcess.RunAsync("users", "disable", "pat", "--store", test.Store.Path);
        var unknown = await CliProcess.RunAsync("users", "disable", "nobody", "--store", test.Store.Path);
        var disabledList = await CliProcess.RunAsync("users", "list", "--store", test.Store.Path);
        Assert.Equal((0, 2), (disable.ExitCode, unknown.ExitCode));
        Assert.Contains("No user is named 'nobody'", unknown.Error);
        Assert.Matches(@"pat\s+viewer\s+disabled", disabledList.Output);
        Assert.Null(await new UserStore(test.Store).ActiveStampAsync("pat"));
        Assert.True((await new UserStore(test.Store).FindAsync("pat"))!.User.Disabled);
        Assert.Equal(0, (await CliProcess.RunAsync("users", "enable", "pat", "--store", test.Store.Path)).ExitCode);
        var enabled = await new UserStore(test.Store).ActiveStampAsync("pat");
        Assert.NotNull(enabled);
        Assert.NotEqual(stamp, enabled);
        Assert.Contains(await new AuditLog(test.Store).RecentAsync(5), e => e.Action == "user.disable" && e.Target == "user pat");
    }
}
