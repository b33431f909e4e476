using BaoPhu.Platform.Persistence;

namespace BaoPhu.Platform.Tests;

/// <summary>
/// The read-ahead an import's reading runs on: every row arrives, in order; a failure or a cancel of
/// the reading reaches the writer; a writer that stops leaves no reading running behind it.
/// </summary>
public sealed class ReadAheadTests
{
    [Fact]
    public void Of_LongSequence_GivesEveryItemInOrder()
    {
        var items = ReadAhead.Of(Enumerable.Range(0, 100_003), batchSize: 64, batches: 2).ToList();

        Assert.Equal(Enumerable.Range(0, 100_003), items);
    }

    [Fact]
    public void Of_SourceThatFails_ThrowsItsExceptionToTheConsumerAfterTheRowsBefore()
    {
        var seen = new List<int>();

        var thrown = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var item in ReadAhead.Of(FailingAt(1_000), batchSize: 100))
            {
                seen.Add(item);
            }
        });

        Assert.Equal("row 1000", thrown.Message);
        Assert.Equal(Enumerable.Range(0, 1_000), seen);
    }

    [Fact]
    public void Of_CancelledSource_ThrowsTheCancellation()
    {
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var item in ReadAhead.Of(Counting(cancel.Token), batchSize: 10))
            {
                if (item == 50)
                {
                    cancel.Cancel();
                }
            }
        });
    }

    [Fact]
    public void Of_ConsumerStoppingEarly_StopsTheSourceBeforeDisposeReturns()
    {
        var source = new EndlessSource();

        foreach (var item in ReadAhead.Of(source, batchSize: 10, batches: 2))
        {
            if (item == 25)
            {
                break;
            }
        }

        var produced = source.Produced;
        Thread.Sleep(200);
        Assert.True(source.Disposed);
        Assert.Equal(produced, source.Produced);
        Assert.InRange(produced, 26, 10 * (2 + 3) + 26);
    }

    private static IEnumerable<int> FailingAt(int row)
    {
        for (var i = 0; ; i++)
        {
            if (i == row)
            {
                throw new InvalidDataException($"row {row}");
            }

            yield return i;
        }
    }

    private static IEnumerable<int> Counting(CancellationToken cancellationToken)
    {
        for (var i = 0; ; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    private sealed class EndlessSource : IEnumerable<int>
    {
        private int produced;

        public int Produced => Volatile.Read(ref produced);

        public bool Disposed { get; private set; }

        public IEnumerator<int> GetEnumerator()
        {
            try
            {
                while (true)
                {
                    yield return Interlocked.Increment(ref produced) - 1;
                }
            }
            finally
            {
                Disposed = true;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
