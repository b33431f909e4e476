using System.Collections.Concurrent;
using System.Threading.Channels;

namespace BaoPhu.Platform.Jobs;

/// <summary>
/// The jobs running in this process, with their progress and cancellation. SQLite has one writer and an
/// import holds a write transaction for its whole run, so progress and cancel cannot go through the
/// job row while it runs; readers in this process look here first. Also the runner's wake-up call.
/// </summary>
internal sealed class JobBoard
{
    private readonly ConcurrentDictionary<Guid, LiveJob> jobs = new();
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public int Count => jobs.Count;

    public IReadOnlyList<Guid> Ids => [.. jobs.Keys];

    public IReadOnlyList<string> Kinds => [.. jobs.Values.Select(j => j.Kind).Distinct()];

    public void Add(LiveJob job) => jobs[job.Id] = job;

    public void Remove(Guid id) => jobs.TryRemove(id, out _);

    public bool TryGet(Guid id, out LiveJob job) => jobs.TryGetValue(id, out job!);

    /// <summary>The row's view with the live progress when the job runs here.</summary>
    public JobView Overlay(JobView view) =>
        view.State == JobState.Running && jobs.TryGetValue(view.Id, out var live) ? live.Over(view) : view;

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
