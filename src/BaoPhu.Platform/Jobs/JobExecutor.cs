using System.Text.Json;
using BaoPhu.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BaoPhu.Platform.Jobs;

/// <summary>
/// Runs one job whose row is already <c>running</c>, for the runner and for <c>RunHereAsync</c> alike.
/// The handler gets a service scope of its own; the row is written through other scopes (other
/// connections), never inside the handler's transaction, and only once the handler's scope is gone.
/// </summary>
internal sealed class JobExecutor(IServiceScopeFactory scopes, JobBoard board, DatabaseOptions database, TimeProvider clock, ILogger<JobExecutor> logger)
{
    public const string InterruptedMessage = "Bị gián đoạn (máy chủ dừng giữa chừng) / Interrupted (the server stopped mid-way)";

    public static readonly TimeSpan PublishEvery = TimeSpan.FromSeconds(1);

    public async Task<JobView> RunAsync(Job started, bool outerIsCancel, Action<JobView>? onProgress, CancellationToken outer)
    {
        using var live = new LiveJob(started.View(), outerIsCancel, onProgress, clock, outer);
        board.Add(live);
        try
        {
            using var stopPublishing = new CancellationTokenSource();
            // On SQLite the handler's open transaction would block these writes, so the row waits for the end.
            var publisher = database.Provider == DatabaseProvider.Postgres ? PublishAsync(live, stopPublishing.Token) : Task.CompletedTask;
            var (state, result, error) = await RunHandlerAsync(live, started);
            await stopPublishing.CancelAsync();
            await publisher;
            var ended = await EndAsync(live, state, result, error);
            onProgress?.Invoke(ended);
            return ended;
        }
        finally
        {
            // Only after the end is written, so a reader never sees a running row without its progress.
            board.Remove(live.Id);
            // The next job, or what was held meanwhile, need not wait for the next poll.
            board.Wake();
        }
    }

    private async Task<(JobState State, string? Result, string? Error)> RunHandlerAsync(LiveJob live, Job started)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetService<BaoPhu.Platform.Auditing.ActingFor>()?.Set(started.RequestedById, started.RequestedBy);
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == live.Kind)
                ?? throw new InvalidOperationException(JobService.UnknownKind(live.Kind));
            var context = new JobContext(live.Id, live.Kind, started.ParametersJson, live, started.RequestedBy, started.RequestedById);
            var result = await handler.RunAsync(context, live.Token);
            return (JobState.Succeeded, result is null ? null : JsonSerializer.Serialize(result, result.GetType(), JobJson.Options), null);
        }
        catch (OperationCanceledException) when (live.Token.IsCancellationRequested)
        {
            return live.CancelRequested ? (JobState.Cancelled, null, null) : (JobState.Failed, null, InterruptedMessage);
        }
        catch (Exception e)
        {
            // The message goes to the job row for its requester; the log gets no text that could hold personal data.
            logger.LogWarning("Job {JobId} ({Kind}) failed: {ExceptionType}", live.Id, live.Kind, e.GetType().Name);
            return (JobState.Failed, null, e.Message);
        }
    }

    private async Task<JobView> EndAsync(LiveJob live, JobState state, string? result, string? error)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaoPhuDbContext>();
        var (done, total, message) = live.Progress();
        var cancelRequested = live.CancelRequested;
        var now = clock.GetUtcNow().UtcDateTime;
        // Not cancellable: the outcome must be recorded even while the host stops.
        await db.Set<Job>().Where(j => j.Id == live.Id).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, state)
                .SetProperty(j => j.Done, done)
                .SetProperty(j => j.Total, total)
                .SetProperty(j => j.Message, message)
                .SetProperty(j => j.ResultJson, result)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.CancelRequested, j => j.CancelRequested || cancelRequested)
                .SetProperty(j => j.HeartbeatUtc, now)
                .SetProperty(j => j.EndedUtc, now),
            CancellationToken.None);
        return (await db.Set<Job>().AsNoTracking().SingleAsync(j => j.Id == live.Id, CancellationToken.None)).View();
    }

    /// <summary>
    /// PostgreSQL only: about once a second, the progress and a heartbeat go to the row through a
    /// short-lived context of their own, and a cancel flag set by another process is picked up.
    /// </summary>
    private async Task PublishAsync(LiveJob live, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(PublishEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var jobs = scope.ServiceProvider.GetRequiredService<BaoPhuDbContext>().Set<Job>();
                    var (done, total, message) = live.Progress();
                    var cancelRequested = live.CancelRequested;
                    var now = clock.GetUtcNow().UtcDateTime;
                    await jobs.Where(j => j.Id == live.Id && j.State == JobState.Running).ExecuteUpdateAsync(
                        s => s.SetProperty(j => j.Done, done)
                            .SetProperty(j => j.Total, total)
                            .SetProperty(j => j.Message, message)
                            .SetProperty(j => j.CancelRequested, j => j.CancelRequested || cancelRequested)
                            .SetProperty(j => j.HeartbeatUtc, now),
                        stop);
                    if (!cancelRequested && await jobs.Where(j => j.Id == live.Id).Select(j => j.CancelRequested).SingleAsync(stop))
                    {
                        live.RequestCancel();
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A missed beat is not fatal: the next one, a second later, writes the same values.
                    logger.LogWarning("Progress of job {JobId} not saved: {ExceptionType}", live.Id, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
