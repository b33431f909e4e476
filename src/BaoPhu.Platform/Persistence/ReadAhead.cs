using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace BaoPhu.Platform.Persistence;

/// <summary>
/// Runs a sequence on another thread a few batches ahead of its consumer, so that reading and checking
/// a file overlaps with writing its rows: the two are each about half of an import's work, and a
/// bulk write otherwise waits for every row to be read.
/// </summary>
/// <remarks>
/// At most <c>batches × batchSize</c> items are ahead, so memory does not grow with the sequence. The
/// source runs on one thread at a time, in order, as a plain <c>foreach</c> would run it; whatever it
/// throws (a cancellation included) is thrown to the consumer. When the consumer stops early, the
/// source is stopped and awaited before the enumerator's <c>Dispose</c> returns, so nothing of it
/// runs on afterwards.
/// </remarks>
public static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int batchSize = 4096, int batches = 4)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batches, 1);
        return Run(source, batchSize, batches);
    }

    private static IEnumerable<T> Run<T>(IEnumerable<T> source, int batchSize, int batches)
    {
        using var queue = new BlockingCollection<List<T>>(batches);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Run(() =>
        {
            try
            {
                var batch = new List<T>(batchSize);
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count == batchSize)
                    {
                        queue.Add(batch, stop.Token);
                        batch = new List<T>(batchSize);
                    }
                }

                if (batch.Count > 0)
                {
                    queue.Add(batch, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped: nobody is waiting for the rest.
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }

            producer.Wait();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            // The source's own state (counters, lists) is the caller's again only once it has stopped.
            producer.Wait();
        }
    }
}
