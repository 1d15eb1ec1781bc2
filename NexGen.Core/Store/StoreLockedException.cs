namespace NexGen.Core.Store;

/// <summary>The store file is held by another process (for example the web app while the CLI imports).</summary>
public sealed class StoreLockedException(string path, Exception inner)
    : Exception($"The store {path} is in use by another NexGen process. Stop it or use another --store. ({inner.Message})", inner);
