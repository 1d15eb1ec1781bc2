using NexGen.Core.Ingestion;
using NexGen.Core.Store;

namespace NexGen.Tests.Ingestion;

public class BackgroundAppenderTests
{
    [Fact]
    public async Task ACancellationBeforeTheAppendingThreadStartsStopsTheParserInsteadOfHangingIt()
    {
        // CI once hung here: a token cancelled before the appending thread began meant that thread never ran,
        // so nothing woke the parser once the batches were all in the queue.
        await using var test = new TestStore();
        var table = CanonicalTables.For(DataKind.Sales);
        var columns = table.Columns.Count;
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var parse = Task.Run(() =>
        {
            using var connection = test.Store.Open();
            using var writer = new ImportWriter(connection, table.Name);
            using var appender = new BackgroundAppender(writer, table, cancel.Token);
            for (var row = 0; row < 100_000; row++)
                appender.Add(new double[columns], new DateOnly[columns], new string?[columns], new bool[columns]);
            appender.Complete();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => parse.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
