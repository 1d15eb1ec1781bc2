using NexGen.Core;
using NexGen.Core.Ingestion;
using NexGen.Core.Store;

namespace NexGen.Tests.Ingestion;

/// <summary>A real <see cref="SqlSourceLoader"/> over a test store, with one connection string named "Warehouse".</summary>
static class SourceLoaders
{
    public const string ConnectionStringName = "Warehouse";

    public static SqlSourceLoader Create(TestStore test, string connectionString, params SqlSourceOptions[] sources) =>
        new(test.Store, test.History, new SourceWatermarks(test.Store), new NexGenOptions { Sources = [.. sources] },
            new SourceConnectionStrings(name => name == ConnectionStringName ? connectionString : null));
}
