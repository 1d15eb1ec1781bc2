namespace NexGen.Cli;

/// <summary>A parsed command line: positional arguments and <c>--name value</c> options (<c>--flag</c> alone is "true").</summary>
sealed class CommandLine
{
    readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public CommandLine(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            var equals = name.IndexOf('=');
            if (equals > 0)
                _options[name[..equals]] = name[(equals + 1)..];
            else if (flags.Contains(name))
                _options[name] = "true";
            else if (e.MoveNext())
                _options[name] = e.Current;
            else
                throw new UsageException($"--{name} needs a value.");
        }
    }

    public List<string> Positional { get; } = [];

    public string? Get(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public bool Flag(string name) => Get(name) is "true";

    public int Int(string name, int fallback) => Get(name) is { } text
        ? int.TryParse(text, out var value) ? value : throw new UsageException($"--{name} must be a whole number, not '{text}'.")
        : fallback;

    public T Enum<T>(string name, T fallback) where T : struct, System.Enum => Get(name) is { } text
        ? System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new UsageException($"--{name} must be one of {string.Join(", ", System.Enum.GetNames<T>())}, not '{text}'.")
        : fallback;

    /// <summary>Fails on options that the command did not read (typos such as --stor).</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"Unknown option{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(u => "--" + u))}.");
    }
}

/// <summary>A wrong command line: printed with the usage, exit code 2.</summary>
sealed class UsageException(string message) : Exception(message);
