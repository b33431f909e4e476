using System.Collections.Concurrent;
using System.Threading.Channels;

namespace BaoPhu.Platform.Jobs;

/// <summary>
/// The jobs running in this process, with their progress and cancellation. SQLite has one writer and an
/// import holds a write transaction for its whole run, so progress and cancel cannot go through the
/// job row while it runs; readers in this process look here first. For the same reason, on SQLite,
/// jobs enqueued and queued jobs cancelled while a job runs here are held here until the runner can
/// write them. Also the runner's wake-up call.
/// </summary>
internal sealed class JobBoard
{
    private readonly ConcurrentDictionary<Guid, LiveJob> jobs = new();
    private readonly Lock heldGate = new();
    private readonly Dictionary<Guid, Job> heldJobs = [];
    private readonly HashSet<Guid> heldCancels = [];
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public int Count => jobs.Count;

    public IReadOnlyList<Guid> Ids => [.. jobs.Keys];

    public void Add(LiveJob job)
    {
        lock (heldGate)
        {
            jobs[job.Id] = job;
            // Cancelled while queued, but claimed before the cancel could be written.
            if (heldCancels.Remove(job.Id))
            {
                job.RequestCancel();
            }
        }
    }

    public void Remove(Guid id) => jobs.TryRemove(id, out _);

    public bool TryGet(Guid id, out LiveJob job) => jobs.TryGetValue(id, out job!);

    /// <summary>The row's view with the live progress when the job runs here, or cancelled when that is held.</summary>
    public JobView Overlay(JobView view)
    {
        if (view.State == JobState.Running && jobs.TryGetValue(view.Id, out var live))
        {
            return live.Over(view);
        }

        lock (heldGate)
        {
            return view.State == JobState.Queued && heldCancels.Contains(view.Id)
                ? view with { State = JobState.Cancelled, CancelRequested = true }
                : view;
        }
    }

    /// <summary>Keeps a new job until its row can be written.</summary>
    public void Hold(Job job)
    {
        lock (heldGate)
        {
            heldJobs[job.Id] = job;
        }
    }

    public JobView? Held(Guid id)
    {
        lock (heldGate)
        {
            return heldJobs.TryGetValue(id, out var job) ? job.View() : null;
        }
    }

    public IReadOnlyList<JobView> Held()
    {
        lock (heldGate)
        {
            return [.. heldJobs.Values.Select(j => j.View())];
        }
    }

    public JobView? HeldWithKey(string kind, string key)
    {
        lock (heldGate)
        {
            return heldJobs.Values.Where(j => j.Kind == kind && j.IdempotencyKey == key && !heldCancels.Contains(j.Id)).Select(j => j.View()).FirstOrDefault();
        }
    }

    /// <summary>
    /// Holds the cancel of a queued job until the runner can write it; a job that started meanwhile
    /// has its token tripped instead.
    /// </summary>
    public void HoldCancel(Guid id)
    {
        lock (heldGate)
        {
            if (jobs.TryGetValue(id, out var live))
            {
                live.RequestCancel();
                return;
            }

            heldCancels.Add(id);
        }
    }

    /// <summary>What is held, for the runner to write; it calls <see cref="Forget"/> with what it wrote.</summary>
    public (IReadOnlyList<Job> Jobs, IReadOnlyList<Guid> Cancels) Snapshot()
    {
        lock (heldGate)
        {
            return ([.. heldJobs.Values], [.. heldCancels]);
        }
    }

    public void Forget(IEnumerable<Guid> writtenJobs, IEnumerable<Guid> writtenCancels)
    {
        lock (heldGate)
        {
            foreach (var id in writtenJobs)
            {
                heldJobs.Remove(id);
            }

            heldCancels.ExceptWith(writtenCancels);
        }
    }

    /// <summary>Tells the runner there is work, so a job starts at once rather than at the next poll.</summary>
    public void Wake() => wake.Writer.TryWrite(true);

    /// <summary>Returns after <paramref name="timeout"/>, when woken, or when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await wake.Reader.WaitToReadAsync(timer.Token);
            wake.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>A job running in this process: its progress in memory and the source of its cancellation token.</summary>
internal sealed class LiveJob : IJobProgress, IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource cancellation;
    private readonly CancellationTokenRegistration outerRegistration;
    private readonly Action<JobView>? onProgress;
    private readonly TimeProvider clock;
    private readonly JobView started;
    private long done;
    private long? total;
    private string? message;
    private long lastPublished;
    private volatile bool cancelRequested;

    /// <param name="outer">The host stopping (the job is interrupted) or, when <paramref name="outerIsCancel"/>, the user's own cancel (Ctrl+C).</param>
    public LiveJob(JobView started, bool outerIsCancel, Action<JobView>? onProgress, TimeProvider clock, CancellationToken outer)
    {
        this.started = started;
        this.onProgress = onProgress;
        this.clock = clock;
        cancellation = outerIsCancel ? new CancellationTokenSource() : CancellationTokenSource.CreateLinkedTokenSource(outer);
        if (outerIsCancel)
        {
            outerRegistration = outer.Register(RequestCancel);
        }
    }

    public Guid Id => started.Id;

    public string Kind => started.Kind;

    public CancellationToken Token => cancellation.Token;

    public bool CancelRequested => cancelRequested;

    public void Report(long done, long? total, string? message = null)
    {
        bool publish;
        lock (gate)
        {
            this.done = done;
            this.total = total;
            this.message = message is { Length: > 500 } ? message[..500] : message;
            var now = clock.GetTimestamp();
            publish = onProgress is not null && (lastPublished == 0 || clock.GetElapsedTime(lastPublished, now) >= JobExecutor.PublishEvery);
            if (publish)
            {
                lastPublished = now;
            }
        }

        if (publish)
        {
            onProgress!(View());
        }
    }

    public (long Done, long? Total, string? Message) Progress()
    {
        lock (gate)
        {
            return (done, total, message);
        }
    }

    public JobView View() => Over(started);

    public JobView Over(JobView row)
    {
        var (d, t, m) = Progress();
        return row with { Done = d, Total = t, Message = m, CancelRequested = row.CancelRequested || cancelRequested };
    }

    /// <summary>The user asked to stop: the job ends Cancelled rather than Interrupted.</summary>
    public void RequestCancel()
    {
        cancelRequested = true;
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The job ended between the look-up and the cancel: nothing left to stop.
        }
    }

    public void Dispose()
    {
        outerRegistration.Dispose();
        cancellation.Dispose();
    }
}
