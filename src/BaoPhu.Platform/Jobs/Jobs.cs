using System.Text.Json;

namespace BaoPhu.Platform.Jobs;

/// <summary>Where a job is in its life; stored lower case (<c>queued</c>, <c>running</c>, …).</summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>A job as pages and commands show it, with the live progress of a job running in this process.</summary>
public sealed record JobView(
    Guid Id, string Kind, string Title, JobState State, long Done, long? Total, string? Message,
    string? ResultJson, string? Error, string RequestedBy, DateTime CreatedUtc, DateTime? StartedUtc, DateTime? EndedUtc, bool CancelRequested)
{
    public bool IsFinished => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}

/// <summary>
/// How a handler says how far it got. Cheap enough to call per row: it only sets values in memory;
/// the runner publishes them at most about once a second.
/// </summary>
public interface IJobProgress
{
    void Report(long done, long? total, string? message = null);
}

/// <summary>What a handler receives besides its cancellation token.</summary>
public sealed class JobContext
{
    internal JobContext(Guid jobId, string kind, string parametersJson, IJobProgress progress, string requestedBy, Guid? requestedById)
    {
        RequestedById = requestedById;
        JobId = jobId;
        Kind = kind;
        ParametersJson = parametersJson;
        Progress = progress;
        RequestedBy = requestedBy;
    }

    public Guid JobId { get; }

    public string Kind { get; }

    public string ParametersJson { get; }

    public IJobProgress Progress { get; }

    /// <summary>The user name of who asked for the job (<c>system</c> for the command line).</summary>
    public string RequestedBy { get; }

    /// <summary>The user id of who asked for the job; null from the command line.</summary>
    public Guid? RequestedById { get; }

    /// <summary>The parameters the job was enqueued with, read back as <typeparamref name="T"/>.</summary>
    public T Parameters<T>() =>
        JsonSerializer.Deserialize<T>(ParametersJson, JobJson.Options)
        ?? throw new InvalidOperationException($"Tham số của việc {JobId} trống / the parameters of job {JobId} are empty.");
}

/// <summary>
/// The work of one kind of job, registered with <c>AddJobHandler</c>. It runs in its own service
/// scope; it must check its token and be safe to run again (ADR 0006). What it returns is stored as
/// JSON; a <c>link</c> property (a local URL) is offered on the job page as "Xem kết quả".
/// An exception fails the job with its message, so the message is for the user and bilingual.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken);
}

/// <summary>Starting, watching and cancelling jobs.</summary>
public interface IJobs
{
    /// <summary>
    /// Queues a job for the web host's runner. With an idempotency key, a job of the same kind and key
    /// that is still queued or running is returned instead of a second one.
    /// </summary>
    Task<JobView> EnqueueAsync(string kind, string title, object parameters, string? idempotencyKey, CancellationToken ct);

    Task<JobView?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>The latest jobs, newest first, of one kind or all.</summary>
    Task<IReadOnlyList<JobView>> RecentAsync(string? kind, int count, CancellationToken ct);

    /// <summary>The latest jobs asked for by one user (all users when null), newest first.</summary>
    Task<IReadOnlyList<JobView>> RecentAsync(string? kind, string? requestedBy, int count, CancellationToken ct);

    /// <summary>
    /// A queued job is cancelled at once; a job running in this process has its token cancelled; on
    /// PostgreSQL a job running in another process sees the flag within about a second.
    /// </summary>
    Task RequestCancelAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Runs the handler here and now (the command line), recording the same job row as the runner
    /// would; <paramref name="onProgress"/> is called about once a second and once at the end.
    /// Cancelling <paramref name="ct"/> cancels the job.
    /// </summary>
    Task<JobView> RunHereAsync(string kind, string title, object parameters, Action<JobView>? onProgress, CancellationToken ct);
}
