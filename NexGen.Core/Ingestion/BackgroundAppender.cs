using System.Collections.Concurrent;
using NexGen.Core.Store;

namespace NexGen.Core.Ingestion;

/// <summary>
/// Hands parsed rows to a second thread that feeds the DuckDB appender, so parsing and appending run on both
/// cores at once. Rows travel in batches; commands (such as swapping dates) run on the appending thread in order
/// with the rows around them, so the writer is only ever used by one thread at a time.
/// </summary>
sealed class BackgroundAppender : IDisposable
{
    const int BatchRows = 16_384;
    const int Batches = 4;

    readonly CanonicalTable _table;
    readonly BlockingCollection<Batch> _full = new(Batches);
    readonly BlockingCollection<Batch> _free = new(Batches);
    readonly Task _consumer;
    Batch _current;

    public BackgroundAppender(ImportWriter writer, CanonicalTable table, CancellationToken cancellationToken)
    {
        _table = table;
        for (var i = 0; i < Batches; i++)
            _free.Add(new Batch(table.Columns.Count));
        _current = _free.Take();
        // Not started with the token: a task cancelled before it begins never runs Consume, and then nothing
        // would complete the queues to wake the parsing thread. Consume itself stops on the token.
        _consumer = Task.Factory.StartNew(() => Consume(writer, cancellationToken), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Copies one row of values (by canonical column) into the current batch.</summary>
    public void Add(double[] numbers, DateOnly[] dates, string?[] texts, bool[] present)
    {
        var row = _current.Count++;
        for (var c = 0; c < present.Length; c++)
        {
            _current.Present[c][row] = present[c];
            _current.Numbers[c][row] = numbers[c];
            _current.Dates[c][row] = dates[c];
            _current.Texts[c][row] = texts[c];
        }
        if (_current.Count == BatchRows)
            Send();
    }

    /// <summary>Runs <paramref name="command"/> on the appending thread after the rows added so far.</summary>
    public void Run(Action<ImportWriter> command)
    {
        Send();
        _current.Command = command;
        Send();
    }

    /// <summary>Appends what is left and waits for the appending thread; its failure is rethrown here.</summary>
    public void Complete()
    {
        Send();
        _full.CompleteAdding();
        _consumer.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        if (!_full.IsAddingCompleted)
            _full.CompleteAdding();
        try
        {
            _consumer.Wait();
        }
        catch (AggregateException)
        {
            // Already reported by Complete, or superseded by the exception that is unwinding this import.
        }
        _full.Dispose();
        _free.Dispose();
    }

    void Send()
    {
        if (_current.Count == 0 && _current.Command is null)
            return;
        try
        {
            _full.Add(_current);
            _current = _free.Take();
        }
        catch (InvalidOperationException)
        {
            // The appending thread stopped (cancelled or failed) and completed both queues, which wakes this thread
            // whether it waited for room or for a free batch: surface its exception.
            _consumer.GetAwaiter().GetResult();
            throw;
        }
    }

    void Consume(ImportWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var batch in _full.GetConsumingEnumerable(cancellationToken))
            {
                if (batch.Command is { } command)
                    command(writer);
                for (var i = 0; i < batch.Count; i++)
                    AppendRow(writer, batch, i);
                batch.Count = 0;
                batch.Command = null;
                _free.Add(batch, cancellationToken);
            }
        }
        catch
        {
            // Neither queue moves again: wake the parsing thread, blocked in Send for room or for a free batch.
            _full.CompleteAdding();
            _free.CompleteAdding();
            throw;
        }
    }

    void AppendRow(ImportWriter writer, Batch batch, int i)
    {
        var row = writer.Row();
        for (var c = 0; c < batch.Present.Length; c++)
        {
            if (!batch.Present[c][i])
            {
                row.AppendNullValue();
                continue;
            }
            switch (_table.Columns[c].Type)
            {
                case ColumnType.Text: row.AppendValue(batch.Texts[c][i]); break;
                case ColumnType.Date: row.AppendValue((DateOnly?)batch.Dates[c][i]); break;
                case ColumnType.Boolean: row.AppendValue((bool?)(batch.Numbers[c][i] != 0)); break;
                case ColumnType.Integer: row.AppendValue((int?)batch.Numbers[c][i]); break;
                default: row.AppendValue((double?)batch.Numbers[c][i]); break;
            }
        }
        writer.EndRow(row);
    }

    sealed class Batch(int columns)
    {
        public int Count;
        public Action<ImportWriter>? Command;
        public readonly bool[][] Present = Make<bool>(columns);
        public readonly double[][] Numbers = Make<double>(columns);
        public readonly DateOnly[][] Dates = Make<DateOnly>(columns);
        public readonly string?[][] Texts = Make<string?>(columns);

        static T[][] Make<T>(int columns) => Enumerable.Range(0, columns).Select(_ => new T[BatchRows]).ToArray();
    }
}
