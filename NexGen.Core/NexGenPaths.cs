namespace NexGen.Core;

/// <summary>
/// Resolves the relative paths of settings (store, samples). In a source checkout they are relative to the
/// repository root, so the web app and the CLI share <c>data/nexgen.duckdb</c> and <c>samples/</c> whichever
/// project is run; elsewhere (a deployed app) they are relative to the current directory.
/// </summary>
public static class NexGenPaths
{
    public static string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));

    public static string BaseDirectory { get; } = FindRepositoryRoot(Directory.GetCurrentDirectory())
        ?? FindRepositoryRoot(AppContext.BaseDirectory)
        ?? Directory.GetCurrentDirectory();

    static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "NexGen.sln")))
                return directory.FullName;
        return null;
    }
}
